package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriUtils;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;

/**
 * {@code GET /api/procedures} over the province-sized catalog (the demo's sample): search by name or code with
 * or without diacritics, filters by sector, unit and level, pages that add up to the unpaged list, what the
 * catalog holds (interconnected sets, step shares, time units), and bad parameters answered with problem+json.
 * Expected counts come from the tables, not from the code under test.
 */
@MotcuaTest
class ProcedureSearchApiTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void client() {
        api = Api.at(port);
    }

    private static String q(String text) {
        return UriUtils.encodeQueryParam(text, StandardCharsets.UTF_8);
    }

    private static List<String> codes(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(p -> p.get("code").asText()).toList();
    }

    @Test
    void withoutPagingTheListIsStillThePlainArrayOfEveryProcedure() {
        JsonNode all = api.get("/api/procedures").json();
        assertThat(all.isArray()).isTrue();
        long stored = jdbc.queryForObject("select count(*) from procedure_def", Long.class);
        assertThat(all.size()).isEqualTo((int) stored).isGreaterThanOrEqualTo(200);
    }

    @Test
    void searchFindsANameWithOrWithoutDiacriticsAndByCode() {
        JsonNode accented = api.get("/api/procedures?q=" + q("Đăng ký khai sinh") + "&page=0&size=50").json();
        JsonNode plain = api.get("/api/procedures?q=" + q("dang ky khai sinh") + "&page=0&size=50").json();
        assertThat(codes(accented.get("items"))).contains("1.001193", "1.004884", "1.003583")
                .isEqualTo(codes(plain.get("items")));
        assertThat(plain.get("totalItems").asLong()).isEqualTo(jdbc.queryForObject(
                "select count(*) from procedure_def where lower(name) like '%khai sinh%' and lower(name) like '%đăng ký%'",
                Long.class));
        // words in any order, upper case, a code
        assertThat(codes(api.get("/api/procedures?q=" + q("KHAI SINH lưu động") + "&size=10").json().get("items")))
                .containsExactly("1.003583");
        assertThat(codes(api.get("/api/procedures?q=1.004222&size=10").json().get("items"))).containsExactly("1.004222");
        // nothing, and characters that mean something to SQL
        assertThat(api.get("/api/procedures?q=" + q("không có thủ tục nào như thế") + "&size=10").json().get("totalItems").asLong())
                .isZero();
        assertThat(api.get("/api/procedures?q=" + q("%_") + "&size=10").json().get("totalItems").asLong())
                .isEqualTo(jdbc.queryForObject("select count(*) from procedure_def", Long.class));
    }

    @Test
    void filtersBySectorUnitAndLevel() {
        JsonNode certification = api.get("/api/procedures?sector=" + q("Chứng thực") + "&size=100").json();
        assertThat(certification.get("totalItems").asLong()).isEqualTo(jdbc.queryForObject(
                "select count(*) from procedure_def where sector = 'Chứng thực'", Long.class)).isPositive();
        certification.get("items").forEach(p -> assertThat(p.get("sector").asText()).isEqualTo("Chứng thực"));

        JsonNode police = api.get("/api/procedures?receivingUnit=conganthuanhoa&size=100").json();
        assertThat(police.get("totalItems").asLong()).isEqualTo(jdbc.queryForObject(
                "select count(*) from procedure_def where receiving_unit = 'conganthuanhoa'", Long.class)).isPositive();
        police.get("items").forEach(p -> assertThat(p.get("receivingUnit").get("key").asText()).isEqualTo("conganthuanhoa"));

        // a unit: what it receives or handles (the department of justice receives nothing, handles many)
        JsonNode justice = api.get("/api/procedures?unit=sotuphap&size=100").json();
        assertThat(justice.get("totalItems").asLong()).isEqualTo(jdbc.queryForObject(
                "select count(distinct p.code) from procedure_def p left join procedure_handling_unit h on h.procedure_code = p.code "
                        + "where p.receiving_unit = 'sotuphap' or h.unit_key = 'sotuphap'", Long.class)).isPositive();
        justice.get("items").forEach(p -> assertThat(p.get("handlingUnits").toString()).contains("\"sotuphap\""));

        JsonNode both = api.get("/api/procedures?level=COMMUNE&sector=" + q("Hộ tịch") + "&q=" + q("kết hôn") + "&size=100").json();
        assertThat(both.get("items")).allSatisfy(p -> {
            assertThat(p.get("level").asText()).isEqualTo("COMMUNE");
            assertThat(p.get("sector").asText()).isEqualTo("Hộ tịch");
            assertThat(p.get("name").asText().toLowerCase()).contains("kết hôn");
        });
        assertThat(codes(both.get("items"))).contains("1.000894", "2.000806");
        // the plain array filters the same way
        assertThat(api.get("/api/procedures?receivingUnit=conganthuanhoa").json().size())
                .isEqualTo(police.get("totalItems").asInt());
    }

    @Test
    void pagesAddUpToTheWholeListInItsOrder() {
        List<String> all = codes(api.get("/api/procedures").json());
        List<String> paged = new ArrayList<>();
        JsonNode first = api.get("/api/procedures?size=37").json();
        int pages = first.get("totalPages").asInt();
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(37);
        assertThat(first.get("totalItems").asInt()).isEqualTo(all.size());
        assertThat(pages).isEqualTo((all.size() + 36) / 37);
        for (int p = 0; p < pages; p++) {
            paged.addAll(codes(api.get("/api/procedures?page=" + p + "&size=37").json().get("items")));
        }
        assertThat(paged).isEqualTo(all);
        Set<String> unique = new HashSet<>(paged);
        assertThat(unique).hasSize(all.size());
        // past the end: an empty page
        assertThat(api.get("/api/procedures?page=" + pages + "&size=37").json().get("items")).isEmpty();
        // the default page size
        assertThat(api.get("/api/procedures?page=1").json().get("items")).hasSize(20);
    }

    @Test
    void theListShowsWhatTheCatalogHolds() {
        JsonNode set = api.get("/api/procedures?q=" + q("LT.KS-TT-BHYT") + "&size=5").json().get("items").get(0);
        assertThat(set.get("interconnected").asBoolean()).isTrue();
        assertThat(set.get("handlingUnits")).extracting(u -> u.get("key").asText())
                .containsExactly("phuongthuanhoa", "conganthuanhoa", "bhxhhue");
        assertThat(set.get("steps")).extracting(s -> s.get("step").asText() + ":" + s.get("hours").asText() + ":"
                + s.get("unit").asText() + ":" + s.get("parallel").asText())
                .containsExactly("birthRegister:8:phuongthuanhoa:null", "residenceRegister:14:conganthuanhoa:afterBirth",
                        "insuranceCard:14:bhxhhue:afterBirth", "returnResult:2:phuongthuanhoa:null");
        assertThat(set.get("source").asText()).isEqualTo("CATALOG_FILE");
        JsonNode plain = api.get("/api/procedures/1.001612").json();
        assertThat(plain.get("interconnected").asBoolean()).isFalse();
        assertThat(plain.get("defaultSteps").asBoolean()).isFalse();

        JsonNode facets = api.get("/api/procedures/facets").json();
        long sum = 0;
        for (JsonNode s : facets.get("sectors")) {
            sum += s.get("procedures").asLong();
        }
        assertThat(sum).isEqualTo(jdbc.queryForObject("select count(*) from procedure_def", Long.class));
        assertThat(facets.get("receivingUnits")).extracting(u -> u.get("key").asText())
                .contains("hcc", "phuongthuanhoa", "phuongphuxuan", "conganthuanhoa").doesNotContain("sotuphap");
    }

    @Test
    void badParametersAreProblemsWithAVietnameseReason() {
        problem(api.get("/api/procedures?size=0"), "size", "Mỗi trang có từ 1 đến 100 thủ tục.");
        problem(api.get("/api/procedures?size=101"), "size", "Mỗi trang có từ 1 đến 100 thủ tục.");
        problem(api.get("/api/procedures?page=-1"), "page", "Số trang bắt đầu từ 0.");
        problem(api.get("/api/procedures?q=a%00b"), "q", "(U+0000)");
        problem(api.get("/api/procedures?q=" + "x".repeat(201)), "q", "tối đa 200 ký tự");
        problem(api.get("/api/procedures?level=HUYEN"), "level", "");
        problem(api.get("/api/procedures?page=abc"), "page", "");
    }

    private static void problem(Api.Response response, String field, String message) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).contains(message);
    }
}
