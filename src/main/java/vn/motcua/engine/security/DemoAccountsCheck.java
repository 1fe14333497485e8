package vn.motcua.engine.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile, refuses a database that still holds the demo's accounts with their published
 * password (a database first started as the demo, e.g. the default {@code ./data}): otherwise
 * {@code demo/demo} would stay an administrator of a real installation. It runs once every bean is made and
 * before the web server starts, so that no request is ever answered by such a database.
 */
@Component
@Profile("!demo")
class DemoAccountsCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountsCheck.class);

    private final IdentityService identity;

    DemoAccountsCheck(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> found = new ArrayList<>();
        demoAccounts().forEach((user, password) -> {
            if (identity.createUserQuery().userId(user).count() > 0 && identity.checkPassword(user, password)) {
                found.add(user);
            }
        });
        if (!found.isEmpty()) {
            String message = "Motcua refuses to start: the database holds demo accounts with the demo's published"
                    + " password " + found + "; delete them (Admin, or start once with --spring.profiles.active=demo"
                    + " and delete them there) or use a fresh database";
            log.error(message);
            throw new IllegalStateException(message);
        }
    }

    /** The demo's users and their passwords, from {@code application-demo.yml}. */
    static Map<String, String> demoAccounts() {
        Map<String, Object> properties = new LinkedHashMap<>();
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load("demo",
                    new ClassPathResource("application-demo.yml"))) {
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    for (String name : enumerable.getPropertyNames()) {
                        properties.putIfAbsent(name, enumerable.getProperty(name));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read application-demo.yml", e);
        }
        Map<String, String> accounts = new LinkedHashMap<>();
        Object admin = properties.get("motcua.admin.user");
        Object adminPassword = properties.get("motcua.admin.password");
        if (admin != null && adminPassword != null) {
            accounts.put(admin.toString(), adminPassword.toString());
        }
        String password = String.valueOf(properties.getOrDefault("motcua.demo.password", "demo"));
        for (int i = 0; properties.containsKey("motcua.demo.users[" + i + "].id"); i++) {
            accounts.putIfAbsent(properties.get("motcua.demo.users[" + i + "].id").toString(), password);
        }
        return accounts;
    }
}
