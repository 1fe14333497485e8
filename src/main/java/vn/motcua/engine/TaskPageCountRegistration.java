package vn.motcua.engine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes each request to the public engine REST API and to the webapps' engine API (what Tasklist calls) a scope in
 * which a task page's total is kept for the count the same request asks for ({@link TaskPageCounts}).
 */
@Configuration(proxyBeanMethods = false)
class TaskPageCountRegistration {

    @Bean
    FilterRegistrationBean<TaskPageCounts.RequestScope> taskPageCountScope(
            @Value("${spring.jersey.application-path:/engine-rest}") String restPath,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<TaskPageCounts.RequestScope> registration =
                new FilterRegistrationBean<>(new TaskPageCounts.RequestScope());
        registration.setName("task-page-count-scope");
        registration.addUrlPatterns(EngineVariableGuardRegistration.trim(restPath) + "/*",
                EngineVariableGuardRegistration.trim(webappPath) + "/api/engine/*");
        registration.setOrder(Integer.MAX_VALUE - 4);
        return registration;
    }
}
