package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The packaged application started as {@code java -jar target/motcua-*.jar} with environment variables only,
 * each on a fresh H2 database: what an operator gets without naming a profile.
 */
@Tag("packaged")
class PackagedApplicationIT {

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Test
    void aFreshDatabaseKnowsTheOfficialDaysFromTheFirstRequestAndOnlyTheConfiguredAdministratorLogsIn() {
        String password = random(18);
        try (PackagedApp app = PackagedApp.fresh("fresh-tet")) {
            app.env("SPRING_DATASOURCE_URL", app.h2Url())
                    .env("MOTCUA_ADMIN_PASSWORD", password)
                    .env("MOTCUA_SURVEY_SECRET", random(48))
                    .start();
            // the very first request: Fri 24 Jan 2025 09:00 + 3 working days. Tết 2025 is off Mon 27 – Fri 31 Jan
            // (calendar/official-days.yml): 6 h on Friday, 8 h on Mon 3 and Tue 4 Feb, 2 h on Wed 5 Feb -> 09:00
            Api.Response due = app.api().get("/api/calendar/due?from=2025-01-24T09:00:00%2B07:00&workingDays=3");
            assertThat(due.status()).as(due.body()).isEqualTo(200);
            assertThat(due.json().get("due").asText()).isEqualTo("2025-02-05T09:00:00+07:00");

            // no demo profile named: no demo users, the administrator is the one the environment gives
            // (the administrator first: after a failed attempt Camunda delays that user's next login)
            Api.Response users = app.api().as("admin", password).get("/engine-rest/user");
            assertThat(users.status()).as(users.body()).isEqualTo(200);
            assertThat(users.json()).hasSize(1);
            assertThat(users.json().get(0).get("id").asText()).isEqualTo("admin");
            assertThat(app.api().as("demo", "demo").get("/engine-rest/user").status()).isEqualTo(401);
            assertThat(app.api().as("tiepnhan.hcc", "demo").get("/engine-rest/user").status()).isEqualTo(401);
            assertThat(app.api().as("admin", "demo").get("/engine-rest/user").status()).isEqualTo(401);
            assertThat(app.output()).doesNotContain("Demo users ready");
        }
    }

    @Test
    void withOnlyADatasourceTheJarRefusesToStartAndNamesTheSettingsToGive() {
        try (PackagedApp app = PackagedApp.fresh("no-settings")) {
            int exit = app.env("SPRING_DATASOURCE_URL", app.h2Url()).startAndAwaitExit();
            assertThat(exit).as(app.output()).isNotZero();
            assertThat(app.output())
                    .contains("Motcua refuses to start: set motcua.admin.password (environment variable MOTCUA_ADMIN_PASSWORD)")
                    .contains("Motcua refuses to start: set motcua.survey.secret (environment variable MOTCUA_SURVEY_SECRET)")
                    .doesNotContain("Demo users ready");
        }
    }

    @Test
    void theDemosOwnValuesOrAWeakPasswordAreRefusedOutsideTheDemoProfile() {
        try (PackagedApp app = PackagedApp.fresh("demo-values")) {
            int exit = app.env("SPRING_DATASOURCE_URL", app.h2Url())
                    .env("MOTCUA_ADMIN_PASSWORD", "demo")
                    .env("MOTCUA_SURVEY_SECRET", "demo-survey-secret-not-for-production-0123456789")
                    .startAndAwaitExit();
            assertThat(exit).as(app.output()).isNotZero();
            assertThat(app.output()).contains("Motcua refuses to start: set motcua.admin.password (environment variable"
                    + " MOTCUA_ADMIN_PASSWORD) to a password of at least 12 characters")
                    .contains("Motcua refuses to start: set motcua.survey.secret (environment variable"
                            + " MOTCUA_SURVEY_SECRET) to at least 32 random characters of your own");
        }
    }

    @Test
    void theDemoProfileIsRefusedOnAProductionDatabase() {
        // refused before any connection: no MariaDB server is needed to see it
        try (PackagedApp app = PackagedApp.fresh("demo-mariadb")) {
            int exit = app.env("SPRING_PROFILES_ACTIVE", "mariadb,demo")
                    .env("SPRING_DATASOURCE_URL", "jdbc:mariadb://127.0.0.1:1/motcua_a_never")
                    .startAndAwaitExit();
            assertThat(exit).as(app.output()).isNotZero();
            assertThat(app.output()).contains("Motcua refuses to start: the demo profile")
                    .contains("remove 'demo' from spring.profiles.active")
                    .doesNotContain("Demo users ready");
        }
    }
}
