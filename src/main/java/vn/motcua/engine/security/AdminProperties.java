package vn.motcua.engine.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The administrator account created on first start. Outside the demo profile the password must
 * come from configuration ({@code MOTCUA_ADMIN_PASSWORD}); start-up fails without it.
 */
@Validated
@ConfigurationProperties("motcua.admin")
public record AdminProperties(
        @DefaultValue("admin") @NotBlank String user,
        @NotBlank(message = "set motcua.admin.password (environment variable MOTCUA_ADMIN_PASSWORD)") String password) {

    @Override
    public String toString() {
        return "AdminProperties[user=" + user + "]";
    }
}
