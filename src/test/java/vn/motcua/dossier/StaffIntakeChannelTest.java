package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;

/** Staff record what they received at the counter; only the online channel creates ONLINE dossiers. */
@MotcuaTest
class StaffIntakeChannelTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theStaffIntakeRefusesTheOnlineChannelAndStoresNothing() {
        Api demo = Api.at(port).as("demo", "demo");
        long online = count("ONLINE");
        long all = count(null);

        Api.Response response = demo.post("/api/dossiers", intake("ONLINE", "Giả Trực Tuyến"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("channel");
        assertThat(errors.get(0).get("message").asText()).contains("trực tuyến").contains("COUNTER");
        assertThat(count("ONLINE")).isEqualTo(online);
        assertThat(count(null)).isEqualTo(all);
        assertThat(jdbc.queryForObject("select count(*) from dossier where applicant_full_name = ?", Long.class,
                "Giả Trực Tuyến")).isZero();
    }

    @Test
    void theCounterChannelIsStillRecorded() {
        Api demo = Api.at(port).as("demo", "demo");
        Api.Response created = demo.post("/api/dossiers", intake("COUNTER", "Tại Quầy"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("channel").asText()).isEqualTo("COUNTER");
    }

    private long count(String channel) {
        return channel == null ? jdbc.queryForObject("select count(*) from dossier", Long.class)
                : jdbc.queryForObject("select count(*) from dossier where channel = ?", Long.class, channel);
    }

    private static Map<String, Object> intake(String channel, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", "2.001610");
        body.put("channel", channel);
        body.put("applicant", Map.of("fullName", name, "idNumber", "046090001234", "phone", "0905123456",
                "email", "citizen@example.com", "address", "10 Lê Lợi, phường Thuận Hóa, Huế"));
        body.put("formData", Map.of("enterpriseName", "Doanh nghiệp tư nhân Sông Hương"));
        return body;
    }
}
