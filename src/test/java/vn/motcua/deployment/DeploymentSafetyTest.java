package vn.motcua.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** What start-up refuses, decided from the configuration alone (the packaged jar's tests show the process). */
class DeploymentSafetyTest {

    static final String GOOD_PASSWORD = "a-long-admin-password";
    static final String GOOD_SECRET = "x".repeat(40);

    @Test
    void outsideTheDemoTheAdministratorPasswordAndTheSurveySecretMustBeGiven() {
        assertThat(DeploymentSafety.problems(new MockEnvironment())).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("set motcua.admin.password (environment variable"
                        + " MOTCUA_ADMIN_PASSWORD)"))
                .anySatisfy(p -> assertThat(p).startsWith("set motcua.survey.secret (environment variable"
                        + " MOTCUA_SURVEY_SECRET)"));
        assertThat(DeploymentSafety.problems(production(GOOD_PASSWORD, GOOD_SECRET))).isEmpty();
    }

    @Test
    void theDemosValuesShortOnesAndTheUserNameAreRefused() {
        // the demo profile's own values, read from application-demo.yml
        assertThat(DeploymentSafety.problems(production("demo", "demo-survey-secret-not-for-production-0123456789")))
                .hasSize(2);
        assertThat(DeploymentSafety.problems(production("short-pw", GOOD_SECRET))).singleElement().asString()
                .contains("motcua.admin.password");
        assertThat(DeploymentSafety.problems(production("administrator", GOOD_SECRET))).hasSize(1);
        assertThat(DeploymentSafety.problems(production("admin-admin-1", GOOD_SECRET)
                .withProperty("motcua.admin.user", "admin-admin-1"))).hasSize(1);
        assertThat(DeploymentSafety.problems(production(GOOD_PASSWORD, "y".repeat(31)))).singleElement().asString()
                .contains("motcua.survey.secret");
    }

    @Test
    void theDemoIsRefusedOnAProductionDatabaseUnlessSaidExplicitly() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        assertThat(DeploymentSafety.problems(demo)).isEmpty();

        MockEnvironment onMariaDb = new MockEnvironment();
        onMariaDb.setActiveProfiles("mariadb", "demo");
        assertThat(DeploymentSafety.problems(onMariaDb)).singleElement().asString()
                .contains("remove 'demo' from spring.profiles.active");
        MockEnvironment byUrl = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:mariadb://db/motcua");
        byUrl.setActiveProfiles("demo");
        assertThat(DeploymentSafety.problems(byUrl)).hasSize(1);

        for (String url : List.of("jdbc:p6spy:mariadb://db/motcua", "jdbc:postgresql://db/motcua",
                "jdbc:h2:tcp://db/motcua", "jdbc:h2:ssl://db/motcua")) {
            MockEnvironment server = new MockEnvironment().withProperty("spring.datasource.url", url);
            server.setActiveProfiles("demo");
            assertThat(DeploymentSafety.problems(server)).as(url).hasSize(1);
        }
        for (String url : List.of("jdbc:h2:file:./data/motcua;AUTO_SERVER=FALSE", "jdbc:h2:mem:motcua", "jdbc:h2:./x")) {
            MockEnvironment embedded = new MockEnvironment().withProperty("spring.datasource.url", url);
            embedded.setActiveProfiles("demo");
            assertThat(DeploymentSafety.problems(embedded)).as(url).isEmpty();
        }

        onMariaDb.setProperty("motcua.demo.allow-on-production-database", "true");
        assertThat(DeploymentSafety.problems(onMariaDb)).isEmpty();
    }

    private static MockEnvironment production(String password, String secret) {
        return new MockEnvironment().withProperty("motcua.admin.password", password)
                .withProperty("motcua.survey.secret", secret);
    }
}
