package vn.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

import vn.motcua.Api;
import vn.motcua.MailServer;
import vn.motcua.MotcuaTest;

/**
 * The probes a load balancer and an operator use: liveness and readiness answer anonymous callers with the status
 * only; the database is in readiness, the mail server is not: with the SMTP server down the node stays ready and
 * the overall health says DEGRADED (200), with the mail component's details for the city's supervisors.
 */
@MotcuaTest
class HealthProbesTest {

    @LocalServerPort int port;
    @Autowired MailServer mail;
    @Autowired ApplicationContext context;

    @Test
    void anonymousCallersSeeTheStatusOnly() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
            Api.Response answer = Api.at(port).get(probe);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            // the overall health lists the group names too (liveness, readiness): Spring Boot's, no detail
            assertThat(answer.json().fieldNames()).toIterable().as(probe).containsAnyOf("status")
                    .isSubsetOf("status", "groups");
            assertThat(answer.json().get("status").asText()).as(probe).isEqualTo("UP");
        }
        JsonNode readiness = Api.at(port).as("giamsat.noivu", "demo").get("/actuator/health/readiness").json();
        assertThat(readiness.get("components").fieldNames()).toIterable().containsExactlyInAnyOrder("db", "readinessState");
        assertThat(readiness.get("components").get("db").get("details").get("database").asText()).isEqualTo("H2");
    }

    @Test
    void aNodeThatRefusesTrafficAnswers503ToTheLoadBalancer() {
        // as while it starts (until every start-up step is done) and as soon as it begins to stop
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            Api.Response refusing = Api.at(port).get("/actuator/health/readiness");
            assertThat(refusing.status()).isEqualTo(503);
            assertThat(refusing.json().get("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(Api.at(port).get("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(Api.at(port).get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void anSmtpOutageLeavesTheNodeReadyAndShowsInTheMailComponent() {
        Api supervisor = Api.at(port).as("giamsat.noivu", "demo");
        assertThat(supervisor.get("/actuator/health").json().get("components").get("mail").get("status").asText())
                .isEqualTo("UP");
        mail.stop();
        try {
            Api.Response health = supervisor.get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("DEGRADED");
            JsonNode smtp = health.json().get("components").get("mail");
            assertThat(smtp.get("status").asText()).isEqualTo("DEGRADED");
            assertThat(smtp.get("details").get("transport").asText()).isEqualTo("SMTP");
            assertThat(smtp.get("details").get("error").asText()).isNotBlank();
            assertThat(health.json().get("components").get("db").get("status").asText()).isEqualTo("UP");

            Api.Response ready = Api.at(port).get("/actuator/health/readiness");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("status").asText()).isEqualTo("UP");
            Api.Response anonymous = Api.at(port).get("/actuator/health");
            assertThat(anonymous.status()).isEqualTo(200);
            assertThat(anonymous.json().get("status").asText()).isEqualTo("DEGRADED");
            assertThat(anonymous.body()).doesNotContain("mail").doesNotContain("SMTP").doesNotContain("127.0.0.1");
        } finally {
            mail.restart();
        }
        assertThat(supervisor.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    }
}
