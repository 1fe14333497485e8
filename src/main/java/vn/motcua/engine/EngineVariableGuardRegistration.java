package vn.motcua.engine;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link EngineVariableGuard} in front of the public engine REST API and of the webapps' engine
 * API (what Tasklist and Cockpit call), after the REST API's authentication so that an anonymous
 * caller still gets 401.
 */
@Configuration(proxyBeanMethods = false)
class EngineVariableGuardRegistration {

    @Bean
    FilterRegistrationBean<EngineVariableGuard> engineVariableGuard(FormVariables forms, TaskForms taskForms,
            MessageSource messages,
            @Value("${spring.jersey.application-path:/engine-rest}") String restPath,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        String rest = trim(restPath);
        String webappApi = trim(webappPath) + "/api/engine";
        FilterRegistrationBean<EngineVariableGuard> registration =
                new FilterRegistrationBean<>(new EngineVariableGuard(forms, taskForms, messages, List.of(rest, webappApi)));
        registration.setName("engine-variable-guard");
        registration.addUrlPatterns(rest + "/*", webappApi + "/*");
        registration.setOrder(Integer.MAX_VALUE - 5);
        return registration;
    }

    static String trim(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
