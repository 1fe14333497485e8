package vn.motcua.deployment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Refuses to start an installation that would run with the demo's accounts or secrets. Runs once the
 * configuration is read, before any bean or database connection:
 * <ul>
 * <li>the demo profile (demo users, administrator {@code demo/demo}, the published survey secret) is on
 * only when named; it is refused together with a production database (the {@code mariadb} profile or a
 * MariaDB/MySQL URL) unless {@code motcua.demo.allow-on-production-database=true} says the database is a
 * throwaway one;</li>
 * <li>without the demo profile the administrator's password ({@code MOTCUA_ADMIN_PASSWORD}) and the survey
 * secret ({@code MOTCUA_SURVEY_SECRET}) must be given, long enough, and not the demo's own values.</li>
 * </ul>
 * Each refusal is one log line naming the setting to give, and the start-up report says it again.
 */
public class DeploymentSafety implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String DEMO_PROFILE = "demo";
    static final String ADMIN_PASSWORD = "motcua.admin.password";
    static final String ADMIN_USER = "motcua.admin.user";
    static final String SURVEY_SECRET = "motcua.survey.secret";
    static final String ALLOW_DEMO = "motcua.demo.allow-on-production-database";
    static final int ADMIN_PASSWORD_MIN = 12;
    static final int SURVEY_SECRET_MIN = 32;

    private static final Logger log = LoggerFactory.getLogger(DeploymentSafety.class);
    private static final List<String> COMMON_PASSWORDS = List.of("admin", "administrator", "password", "changeme",
            "change-me", "secret", "motcua", "camunda", "123456789012", "demo");

    @Override
    public int getOrder() {
        // after the logging system is set up (LoggingApplicationListener is at HIGHEST_PRECEDENCE + 20)
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        List<String> problems = problems(event.getEnvironment());
        if (!problems.isEmpty()) {
            problems.forEach(p -> log.error("Motcua refuses to start: {}", p));
            throw new UnsafeDeployment(problems);
        }
    }

    /** What is unsafe in this configuration; empty when it may start. */
    static List<String> problems(ConfigurableEnvironment env) {
        List<String> problems = new ArrayList<>();
        boolean demo = env.acceptsProfiles(Profiles.of(DEMO_PROFILE));
        if (demo) {
            if (productionDatabase(env)) {
                if (env.getProperty(ALLOW_DEMO, Boolean.class, false)) {
                    log.warn("The demo profile is on with a production database ({}=true): demo users with the password"
                            + " 'demo' and the published survey secret are in this database; never do this with real"
                            + " dossiers", ALLOW_DEMO);
                } else {
                    problems.add("the demo profile (demo users, administrator demo/demo, a published survey secret) is"
                            + " refused on a production database: remove 'demo' from spring.profiles.active"
                            + " (SPRING_PROFILES_ACTIVE), or set " + ALLOW_DEMO + "=true for a throwaway test database");
                }
            } else {
                log.warn("The demo profile is on: demo users with the password 'demo' and administrator demo/demo;"
                        + " never use it in production");
            }
            return problems;
        }
        DemoValues demoValues = DemoValues.read();
        String password = env.getProperty(ADMIN_PASSWORD, "");
        String user = env.getProperty(ADMIN_USER, "admin");
        if (password.isBlank()) {
            problems.add("set " + ADMIN_PASSWORD + " (environment variable MOTCUA_ADMIN_PASSWORD): the administrator"
                    + " needs a password outside the demo profile");
        } else if (password.length() < ADMIN_PASSWORD_MIN || password.equals(demoValues.adminPassword())
                || password.equalsIgnoreCase(user) || COMMON_PASSWORDS.contains(password.toLowerCase(Locale.ROOT))) {
            problems.add("set " + ADMIN_PASSWORD + " (environment variable MOTCUA_ADMIN_PASSWORD) to a password of at"
                    + " least " + ADMIN_PASSWORD_MIN + " characters that is not the user name, the demo's or a common one");
        }
        String secret = env.getProperty(SURVEY_SECRET, "");
        if (secret.isBlank()) {
            problems.add("set " + SURVEY_SECRET + " (environment variable MOTCUA_SURVEY_SECRET) to at least "
                    + SURVEY_SECRET_MIN + " random characters, e.g. openssl rand -base64 48");
        } else if (secret.length() < SURVEY_SECRET_MIN || secret.equals(demoValues.surveySecret())) {
            problems.add("set " + SURVEY_SECRET + " (environment variable MOTCUA_SURVEY_SECRET) to at least "
                    + SURVEY_SECRET_MIN + " random characters of your own, not the demo's published one,"
                    + " e.g. openssl rand -base64 48");
        }
        return problems;
    }

    /**
     * Anything but an embedded H2 database (a file or in memory, in this process) is taken for a production
     * one: the demo belongs on the embedded default only. A server database of any make (MariaDB, MySQL, a
     * proxying driver such as {@code jdbc:p6spy:mariadb:}, an H2 server over TCP or SSL) counts, and so does
     * the {@code mariadb} profile.
     */
    static boolean productionDatabase(ConfigurableEnvironment env) {
        String url = env.getProperty("spring.datasource.url", "").strip().toLowerCase(Locale.ROOT);
        boolean embeddedH2 = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:");
        return env.acceptsProfiles(Profiles.of("mariadb")) || !(url.isEmpty() || embeddedH2);
    }

    /** The demo profile's published values, read from its own file so that they cannot drift apart. */
    record DemoValues(String adminPassword, String surveySecret) {

        static DemoValues read() {
            try {
                List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("demo",
                        new ClassPathResource("application-demo.yml"));
                String password = null;
                String secret = null;
                for (PropertySource<?> source : sources) {
                    password = password != null ? password : string(source.getProperty(ADMIN_PASSWORD));
                    secret = secret != null ? secret : string(source.getProperty(SURVEY_SECRET));
                }
                return new DemoValues(password, secret);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read application-demo.yml", e);
            }
        }

        private static String string(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
