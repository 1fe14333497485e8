package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.h2.tools.Server;

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

    @Test
    void aDatabaseFirstStartedAsTheDemoIsRefusedWithoutTheDemoProfile() {
        PackagedApp demo = PackagedApp.fresh("after-demo");
        try (demo) {
            demo.env("SPRING_DATASOURCE_URL", demo.h2Url()).env("SPRING_PROFILES_ACTIVE", "demo").start();
            assertThat(demo.api().as("demo", "demo").get("/engine-rest/user").status()).isEqualTo(200);
        }
        try (PackagedApp production = demo.again()) {
            int exit = production.env("SPRING_DATASOURCE_URL", production.h2Url())
                    .env("MOTCUA_ADMIN_PASSWORD", random(18)).env("MOTCUA_SURVEY_SECRET", random(48))
                    .startAndAwaitExit();
            assertThat(exit).as(production.output()).isNotZero();
            assertThat(production.output()).contains("Motcua refuses to start: the database holds demo accounts with"
                    + " the demo's published password [demo, tiepnhan.hcc,");
        }
    }

    static final ZoneId HUE = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * A year added to the official days file after dossiers were received: at the restart its days are
     * imported, and the open dossier's appointment, its step, its task's due date and its timers move.
     * Real time: the dossier is received now, and the new day off is the day its open step is due on.
     */
    @Test
    void aYearAddedToTheOfficialDaysLaterMovesTheOpenDossiersAtTheRestart() throws IOException {
        String password = random(18);
        String secret = random(48);
        Path days = Files.createDirectories(Path.of(System.getProperty("motcua.target", "target"), "packaged"))
                .resolve("official-days-" + random(6) + ".yml");
        String known = "days:\n  - { date: 2025-01-01, kind: DAY_OFF, name: \"Tết Dương lịch\" }\n";
        Files.writeString(days, known);

        String code;
        JsonNode before;
        List<String> timersBefore;
        LocalDate dayOff;
        PackagedApp first = PackagedApp.fresh("new-year");
        try (first) {
            first.env("SPRING_DATASOURCE_URL", first.h2Url()).env("MOTCUA_ADMIN_PASSWORD", password)
                    .env("MOTCUA_SURVEY_SECRET", secret)
                    .env("MOTCUA_CALENDAR_OFFICIAL_DAYS_LOCATION", days.toUri().toString()).start();
            Api admin = first.api().as("admin", password);
            Api.Response filed = admin.post("/api/dossiers", Map.of("procedureCode", "2.001610", "channel", "COUNTER",
                    "applicant", Map.of("fullName", "Lê Văn Lịch", "idNumber", "046090001234", "phone", "0905123456",
                            "email", "lich@example.com", "address", "10 Lê Lợi, Huế"),
                    "formData", Map.of("enterpriseName", "DNTN Lịch Mới")));
            assertThat(filed.status()).as(filed.body()).isEqualTo(201);
            code = filed.json().get("code").asText();
            JsonNode reception = admin.get("/engine-rest/task?processInstanceBusinessKey=" + code).json();
            assertThat(reception).hasSize(1);
            Api.Response completed = admin.post("/engine-rest/task/" + reception.get(0).get("id").asText() + "/complete",
                    Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"))));
            assertThat(completed.status()).as(completed.body()).isEqualTo(204);
            before = admin.get("/api/dossiers/" + code).json();
            assertThat(before.get("tasks")).hasSize(1);
            timersBefore = timers(admin, code);
            dayOff = OffsetDateTime.parse(before.get("tasks").get(0).get("due").asText()).atZoneSameInstant(HUE)
                    .toLocalDate();
        }
        // the next year's announcement arrives: the day the open step is due becomes a day off
        Files.writeString(days, known + "  - { date: " + dayOff + ", kind: DAY_OFF, name: \"Nghỉ đột xuất\" }\n");

        try (PackagedApp second = first.again()) {
            second.env("SPRING_DATASOURCE_URL", second.h2Url()).env("MOTCUA_ADMIN_PASSWORD", password)
                    .env("MOTCUA_SURVEY_SECRET", secret)
                    .env("MOTCUA_CALENDAR_OFFICIAL_DAYS_LOCATION", days.toUri().toString()).start();
            Api admin = second.api().as("admin", password);
            JsonNode after = admin.get("/api/dossiers/" + code).json();
            OffsetDateTime stepDueBefore = OffsetDateTime.parse(before.get("tasks").get(0).get("due").asText());
            OffsetDateTime stepDue = OffsetDateTime.parse(after.get("tasks").get(0).get("due").asText());
            assertThat(stepDue).isAfter(stepDueBefore);
            assertThat(stepDue.atZoneSameInstant(HUE).toLocalDate()).isNotEqualTo(dayOff);
            assertThat(OffsetDateTime.parse(after.get("appointmentDate").asText()))
                    .isAfter(OffsetDateTime.parse(before.get("appointmentDate").asText()));
            List<String> steps = new ArrayList<>();
            after.get("history").forEach(h -> steps.add(h.path("step").asText()));
            assertThat(steps).contains("calendar");
            // the engine's timers of the dossier moved with it: the step's overdue timer is its new due date
            List<String> timersAfter = timers(admin, code);
            assertThat(timersAfter).isNotEqualTo(timersBefore).contains(stepDue.toInstant().toString());
        }
    }

    private static List<String> timers(Api admin, String code) {
        List<String> dues = new ArrayList<>();
        admin.get("/engine-rest/process-instance?businessKey=" + code).json().forEach(instance -> admin.get(
                "/engine-rest/job?timers=true&processInstanceId=" + instance.get("id").asText()).json()
                .forEach(job -> dues.add(OffsetDateTime.parse(job.get("dueDate").asText(),
                        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant().toString())));
        dues.sort(null);
        return dues;
    }

    /**
     * The database goes away under a running node (an H2 server in this JVM, stopped): a staff request fails in
     * the login check, before any handler of the project, and still answers 503 as problem+json, not Spring's
     * default error JSON and not a 401 that would send the user to retype a right password.
     */
    @Test
    void aLoginCheckWhileTheDatabaseIsDownAnswers503AsProblemJson() throws Exception {
        String password = random(18);
        int h2Port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            h2Port = socket.getLocalPort();
        }
        try (PackagedApp app = PackagedApp.fresh("database-down")) {
            Server h2 = Server.createTcpServer("-tcpPort", Integer.toString(h2Port), "-ifNotExists", "-baseDir",
                    app.folder().resolve("h2").toString()).start();
            try {
                app.env("SPRING_DATASOURCE_URL", "jdbc:h2:tcp://127.0.0.1:" + h2Port + "/motcua")
                        .env("SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT", "2000")
                        .env("MOTCUA_ADMIN_PASSWORD", password)
                        .env("MOTCUA_SURVEY_SECRET", random(48))
                        .start();
                Api admin = app.api().as("admin", password);
                assertThat(admin.get("/api/mail/outbox").status()).isEqualTo(200);
            } finally {
                h2.stop();
            }
            Api.Response down = app.api().as("admin", password).get("/api/mail/outbox");
            assertThat(down.status()).as(down.body()).isEqualTo(503);
            assertThat(down.contentType()).startsWith("application/problem+json");
            assertThat(down.json().get("status").asInt()).isEqualTo(503);
            assertThat(down.json().get("detail").asText()).isNotBlank().doesNotContain("Exception", "jdbc:");
            assertThat(down.body()).doesNotContain("\"trace\"", "\"error\"");
        }
    }
}
