package vn.motcua.engine.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webapp-session filter as a bean for the API's security chain only: Spring Boot would otherwise
 * also register it as a servlet filter in front of every path.
 */
@Configuration(proxyBeanMethods = false)
class WebappSessionAuthentication {

    @Bean
    WebappSessionAuthenticationFilter webappSessionAuthenticationFilter(ProcessEngine engine) {
        return new WebappSessionAuthenticationFilter(engine.getIdentityService(), engine.getName());
    }

    @Bean
    FilterRegistrationBean<WebappSessionAuthenticationFilter> webappSessionAuthenticationFilterRegistration(
            WebappSessionAuthenticationFilter filter) {
        FilterRegistrationBean<WebappSessionAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
