package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.engine.Driver.clock;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.MailServer;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;

/**
 * The SMTP server is down while 50 dossiers are received, then up again, and every retry is made due
 * at once while the pool has no connection to spare: every citizen gets exactly one receipt.
 */
@MotcuaTest
class MailOnceAfterOutageTest {

    static final int DOSSIERS = 50;

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired MailServer mail;
    @Autowired ManagementService management;
    @Autowired DataSource dataSource;

    @BeforeEach
    void setUp() {
        clock("2025-11-24T09:00+07:00");
        Staff.actAs("demo", "camunda-admin");
    }

    static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Staff.clear();
    }

    @Test
    void fiftyReceiptsDuringAnOutageReachEachCitizenOnce() throws SQLException {
        Api demo = Api.at(port).as("demo", "demo");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> emailByCode = new LinkedHashMap<>();
        List<Job> notices = new ArrayList<>();
        mail.stop();
        try {
            for (int i = 0; i < DOSSIERS; i++) {
                String email = "citizen-" + run + "-" + i + "@example.com";
                Api.Response created = demo.post("/api/dossiers", Map.of("procedureCode", CitizenNoticesTest.HOUSEHOLD_BUSINESS,
                        "channel", "COUNTER", "applicant", Map.of("fullName", "Lê Thị Hoa", "idNumber", "046190001234",
                                "phone", "0905123456", "email", email, "address", "5 Hùng Vương, phường Thuận Hóa, Huế"),
                        "formData", Map.of()));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                String code = created.json().get("code").asText();
                emailByCode.put(code, email);
                driver.complete(code, "Task_receptionCheck", "APPROVE", null);
                List<Job> jobs = driver.asyncJobs(code, "citizenNotice");
                assertThat(jobs).as("the receipt's job for %s", code).hasSize(1);
                notices.add(jobs.get(0));
            }
            // the first attempt of every receipt fails against the dead server
            for (Job job : notices) {
                assertThatThrownBy(() -> driver.execute(job)).isNotNull();
            }
            assertThat(mail.received().stream().filter(m -> emailByCode.values().stream()
                    .anyMatch(e -> MailServer.recipients(m).contains(e)))).isEmpty();
        } finally {
            mail.restart();
        }

        // the retries are made due at once and run
        List<Job> retries = notices.stream().map(j -> management.createJobQuery().jobId(j.getId()).singleResult())
                .toList();
        assertThat(retries).allSatisfy(j -> assertThat(j.getRetries()).isEqualTo(4));
        Date latest = retries.stream().map(Job::getDuedate).max(Comparator.naturalOrder()).orElseThrow();
        ClockUtil.setCurrentTime(latest);
        // a retry burst drains the pool: each job holds the last connection, the mail log finds none for a
        // transaction of its own (CannotCreateTransactionException after the server accepted)
        HikariDataSource pool = (HikariDataSource) dataSource;
        long timeout = pool.getConnectionTimeout();
        List<Connection> held = new ArrayList<>();
        pool.getHikariConfigMXBean().setConnectionTimeout(250);
        try {
            while (held.size() < pool.getMaximumPoolSize() - 1) {
                held.add(pool.getConnection());
            }
            for (Job job : retries) {
                driver.execute(job);
            }
        } finally {
            for (Connection connection : held) {
                close(connection);
            }
            pool.getHikariConfigMXBean().setConnectionTimeout(timeout);
        }
        // whatever is still due runs again (it would, on either node)
        ClockUtil.setCurrentTime(new Date(latest.getTime() + 3_600_000L));
        for (Job left : management.createJobQuery().processDefinitionKey("citizenNotice").executable().list()) {
            try {
                driver.execute(left);
            } catch (RuntimeException e) {
                // counted below: its mail must still arrive once
            }
        }
        for (Job job : retries) {
            assertThat(management.createJobQuery().jobId(job.getId()).count()).isZero();
        }

        for (Map.Entry<String, String> dossier : emailByCode.entrySet()) {
            List<MimeMessage> received = mail.everyCopyTo(dossier.getValue());
            assertThat(received).as("mails to %s", dossier.getValue()).singleElement()
                    .satisfies(m -> assertThat(MailServer.subject(m)).startsWith("Đã tiếp nhận hồ sơ " + dossier.getKey()));
            assertThat(driver.instance(dossier.getKey(), "citizenNotice")).isNull();
        }
    }
}
