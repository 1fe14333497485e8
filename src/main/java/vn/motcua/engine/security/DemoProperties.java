package vn.motcua.engine.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Demo officers, created in the demo profile only (see {@code application-demo.yml}). */
@ConfigurationProperties("motcua.demo")
public record DemoProperties(@DefaultValue("demo") String password, @DefaultValue List<DemoUser> users) {

    /** @param phone the officer's work phone (Form 02), fictional; may be absent */
    public record DemoUser(String id, String firstName, String lastName, String email, List<String> groups,
            String phone) {
    }
}
