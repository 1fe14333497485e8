package vn.motcua.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the project's own API ({@code /api/**}), served by springdoc at
 * {@code /v3/api-docs} with Swagger UI at {@code /swagger-ui.html}; both are open. The engine's REST
 * API ({@code /engine-rest}, Jersey) is not part of it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI motcuaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Motcua API").version("v1").description("""
                        One-stop dossier handling. `/api/public/**` is open to citizens (no account; a dossier is \
                        identified by its code and the applicant's ID number; per-address rate limits answer 429 with \
                        Retry-After). Every other path needs a staff account (HTTP Basic, the Camunda user); GET and \
                        HEAD also take the session cookie of a user logged in to a Camunda webapp (as the Cockpit \
                        plugin calls them), writes only Basic. Errors are application/problem+json with a Vietnamese \
                        `detail` and, for invalid input, `errors` [{field, message}]."""))
                .components(new Components().addSecuritySchemes("staff",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
    }
}
