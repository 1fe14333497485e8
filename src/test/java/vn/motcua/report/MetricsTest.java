package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.MailServer;
import vn.motcua.MotcuaTest;
import vn.motcua.mail.MailMessage;
import vn.motcua.mail.MailNotSent;
import vn.motcua.mail.Mailer;

/** The actuator: Prometheus metrics for the city's supervisors, health for everyone without details. */
@MotcuaTest
class MetricsTest {

    @LocalServerPort int port;
    @Autowired MeterRegistry meters;
    @Autowired Mailer mailer;
    @Autowired MailServer mailServer;

    @Test
    void prometheusScrapesNeedTheCitysSupervisorsOrAnAdministrator() {
        Api.Response anonymous = Api.at(port).get("/actuator/prometheus", "text/plain");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(Api.at(port).as("nobody", "demo").get("/actuator/prometheus", "text/plain").status())
                .isEqualTo(401);
        assertThat(Api.at(port).as("giamsat.thuanhoa", "demo").get("/actuator/prometheus", "text/plain").status())
                .isEqualTo(403);

        Api.Response scrape = Api.at(port).as("giamsat.noivu", "demo").get("/actuator/prometheus", "text/plain");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("motcua_dossiers_open ", "motcua_dossiers_overdue{unit=\"phuongthuanhoa\"} ",
                "motcua_dossiers_overdue{unit=\"hcc\"} ", "motcua_mail_failed_total ", "motcua_jobs_incidents ");
        assertThat(Api.at(port).as("demo", "demo").get("/actuator/prometheus", "text/plain").status()).isEqualTo(200);
        // nothing else of the actuator is exposed
        assertThat(Api.at(port).as("demo", "demo").get("/actuator/env").status()).isEqualTo(404);
    }

    @Test
    void healthIsOpenButItsDetailsAreNot() {
        JsonNode open = Api.at(port).get("/actuator/health").json();
        assertThat(open.get("status").asText()).isEqualTo("UP");
        assertThat(open.has("components")).isFalse();
        assertThat(open.has("details")).isFalse();
        assertThat(Api.at(port).as("giamsat.thuanhoa", "demo").get("/actuator/health").json().has("components"))
                .isFalse();
        JsonNode detailed = Api.at(port).as("giamsat.noivu", "demo").get("/actuator/health").json();
        assertThat(detailed.get("components").has("db")).isTrue();
    }

    @Test
    void aMailTheServerRefusesCountsAsFailed() {
        double before = meters.get("motcua.mail.failed").counter().count();
        mailServer.stop();
        try {
            assertThatThrownBy(() -> mailer.send(new MailMessage(List.of("someone@example.com"), "Thử", null, "Thử",
                    List.of()), "metrics-test:" + System.nanoTime())).isInstanceOf(MailNotSent.class);
        } finally {
            mailServer.restart();
        }
        assertThat(meters.get("motcua.mail.failed").counter().count()).isEqualTo(before + 1);
    }
}
