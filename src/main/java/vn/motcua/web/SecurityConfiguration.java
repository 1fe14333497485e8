package vn.motcua.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import vn.motcua.catalog.Role;
import vn.motcua.engine.security.StaffAuthenticationProvider;
import vn.motcua.engine.security.WebappSessionAuthenticationFilter;

/**
 * Who gets in where. The project's API: the procedure list, {@code /api/public/**}, the days off and
 * the due-date calculator are open; changing the days off is for the Camunda administrators group;
 * everything else needs a staff account (HTTP Basic against Camunda's users, whose authorities are
 * their group ids). The actuator's health is open, its other endpoints (metrics) are for the city's
 * supervisors and administrators. The Camunda webapps
 * keep their own login and CSRF protection, and the engine REST API its own Basic authentication
 * filter; this configuration leaves those paths to them. Outside {@code /api/**} everything is open:
 * the citizens' pages ({@code /}, {@code /nop-ho-so/**}, {@code /tra-cuu/**}), their stylesheet, and
 * the OpenAPI description ({@code /v3/api-docs}) with Swagger UI ({@code /swagger-ui.html}), which
 * describe {@code /api/**} only, never the engine.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The API: HTTP Basic, or for reads only ({@code GET}, {@code HEAD}) the session of a user logged in to a
     * Camunda webapp, so that the Cockpit plugin can call it from the page; no session is ever created here.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, StaffAuthenticationProvider staff, ProblemResponses problems,
            WebappSessionAuthenticationFilter webappSession) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/procedures", "/api/procedures/**").permitAll()
                        .requestMatchers("/api/public/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/calendar/days", "/api/calendar/due").permitAll()
                        .requestMatchers("/api/calendar/**").hasAuthority(Role.ADMIN_GROUP)
                        // importing the province's procedure list, its reports and the catalog's export: administrators
                        .requestMatchers("/api/catalog/**").hasAuthority(Role.ADMIN_GROUP)
                        // the outbox holds every citizen's mail: administrators only (links masked, see MailOutboxController)
                        .requestMatchers("/api/mail/**").hasAuthority(Role.ADMIN_GROUP)
                        .anyRequest().authenticated())
                .authenticationProvider(staff)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterAfter(webappSession, BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable())
                .headers(PageHeaders.project())
                // stateless; and the webapps' session, when a read borrows it, keeps its id (no fixation "protection"
                // renaming it under Cockpit's feet on every call)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .build();
    }

    /**
     * Spring Boot Actuator: {@code /actuator/health} is open (details only for the city's supervisors and
     * administrators, see {@code management.endpoint.health}); everything else there, such as the metrics
     * for Prometheus at {@code /actuator/prometheus}, is for the city's supervisors and administrators,
     * HTTP Basic like the API.
     */
    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, StaffAuthenticationProvider staff, ProblemResponses problems)
            throws Exception {
        return http.securityMatcher("/actuator", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasAnyAuthority(Role.CITY_SUPERVISORS_GROUP, Role.ADMIN_GROUP))
                .authenticationProvider(staff)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .headers(PageHeaders.project())
                .build();
    }
}
