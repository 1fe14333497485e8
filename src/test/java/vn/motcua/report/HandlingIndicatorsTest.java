package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.clock;
import static vn.motcua.report.IndicatorsTest.byKey;
import static vn.motcua.report.IndicatorsTest.counts;
import static vn.motcua.report.IndicatorsTest.entry;
import static vn.motcua.report.IndicatorsTest.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.engine.Driver;

/**
 * The indicators by handling unit ({@code by=receiving|handling}) on dossiers of known outcomes, taken through the
 * real engine on the engine clock in June 2026 (no day off that month), looked at on Friday 5 June 2026, 10:00.
 * Enterprise registration (2.001610) is received at the city's centre (hcc) and handled by the Department of
 * Finance (sotaichinh): 3 working days, appraisal 16 h, approval 4 h, return 4 h at the centre. The birth set
 * (LT.KS-TT-BHYT) is received by phường Thuận Hóa, which registers the birth (8 h), then the ward's police
 * (conganthuanhoa) and social insurance (bhxhhue) side by side (14 h each): 3 working days.
 *
 * <pre>
 * P  2.001610 received Mon 1 Jun 09:00, appraised and approved Tue 2 10:00     finished early (due Thu 4 09:00)
 * Q  2.001610 received Mon 1 Jun 09:00, still at appraisal                     in progress, overdue
 * R  2.001610 filed Tue 2 Jun, refused at the centre's counter                 refused (never reached Finance)
 * S  birth set received Mon 1 Jun 09:00, all three agencies done Tue 2         finished early (due Thu 4 09:00)
 * T  birth set received Wed 3 Jun 09:00, birth registered 10:00, police and
 *    insurance open                                                            in progress, due soon (Mon 8 09:00)
 * U  birth set received Thu 4 Jun 09:00, birth not yet registered              in progress, not due (Tue 9 09:00)
 * </pre>
 * Hand-computed: by receiving, hcc has P, Q (and R refused), phường Thuận Hóa S, T, U, Finance nothing. By handling,
 * Finance has P and Q; the centre none (it only checks and returns); phường Thuận Hóa S, T, U (it registers the
 * births); the police and social insurance S and T (U has not reached them); the city's total counts each of P, Q,
 * S, T, U once.
 */
@MotcuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandlingIndicatorsTest {

    static final String ENTERPRISE = "2.001610";
    static final String BIRTH_SET = "LT.KS-TT-BHYT";
    static final String JUNE = "from=2026-06-01&to=2026-06-30";
    static final String NOW = "2026-06-05T10:00+07:00";

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired Dossiers dossiers;

    final Map<String, String> code = new LinkedHashMap<>();
    Api city;

    @BeforeAll
    void seed() {
        city = Api.at(port).as("giamsat.noivu", "demo");
        try {
            Staff.actAs("demo", "camunda-admin");
            clock("2026-06-01T09:00+07:00");
            code.put("P", received(ENTERPRISE));
            code.put("Q", received(ENTERPRISE));
            code.put("S", received(BIRTH_SET));
            clock("2026-06-02T09:00+07:00");
            code.put("R", driver.intake(ENTERPRISE));
            driver.complete(code.get("R"), "Task_receptionCheck", "REFUSE", "Không thuộc thẩm quyền");
            clock("2026-06-02T10:00+07:00");
            driver.complete(code.get("P"), "Task_appraise", "APPROVE", null);
            driver.complete(code.get("P"), "Task_approve", "APPROVE", null);
            driver.complete(code.get("S"), "Task_birthRegister", "APPROVE", null);
            driver.complete(code.get("S"), "Task_residenceRegister", "APPROVE", null);
            driver.complete(code.get("S"), "Task_insuranceCard", "APPROVE", null);
            clock("2026-06-03T09:00+07:00");
            code.put("T", received(BIRTH_SET));
            clock("2026-06-03T10:00+07:00");
            driver.complete(code.get("T"), "Task_birthRegister", "APPROVE", null);
            clock("2026-06-04T09:00+07:00");
            code.put("U", received(BIRTH_SET));
        } finally {
            ClockUtil.reset();
            Staff.clear();
        }
        assertThat(dossiers.require(code.get("P")).getStatus()).isEqualTo(DossierStatus.DONE);
        assertThat(dossiers.require(code.get("S")).getStatus()).isEqualTo(DossierStatus.DONE);
        assertThat(dossiers.require(code.get("R")).getStatus()).isEqualTo(DossierStatus.REFUSED);
    }

    @BeforeEach
    void friday() {
        clock(NOW);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void byReceivingUnitTheDepartmentHandlingTheCentresDossiersShowsNone() {
        JsonNode report = json(city.get("/api/reports/indicators?" + JUNE));
        assertThat(report.get("filter").get("by").asText()).isEqualTo("receiving");
        Map<String, JsonNode> units = byKey(report.get("perUnit"), "unit");
        assertThat(counts(units.get("hcc"))).containsEntry("received", 2L).containsEntry("finishedEarly", 1L)
                .containsEntry("inProgressOverdue", 1L).containsEntry("refused", 1L);
        assertThat(counts(units.get("sotaichinh"))).containsEntry("received", 0L);
        assertThat(counts(units.get("phuongthuanhoa"))).containsEntry("received", 3L);
        assertThat(counts(units.get("conganthuanhoa"))).containsEntry("received", 0L);
        // the same as without by=
        assertThat(json(city.get("/api/reports/indicators?by=receiving&" + JUNE)).get("total"))
                .isEqualTo(report.get("total"));
    }

    @Test
    void byHandlingUnitEachAgencyCountsTheDossiersItHandledOnce() {
        JsonNode report = json(city.get("/api/reports/indicators?by=handling&" + JUNE));
        assertThat(report.get("filter").get("by").asText()).isEqualTo("handling");
        Map<String, JsonNode> units = byKey(report.get("perUnit"), "unit");
        assertThat(counts(units.get("sotaichinh"))).containsExactly(
                entry("received", 2), entry("receivedOnline", 0), entry("receivedCounter", 2),
                entry("finishedEarly", 1), entry("finishedOnTime", 0), entry("finishedLate", 0),
                entry("inProgressNotDue", 0), entry("inProgressDueSoon", 0), entry("inProgressOverdue", 1),
                entry("paused", 0), entry("refused", 0), entry("reappointed", 0),
                entry("onTimeRate", "50.00"), entry("onlineShare", "0.00"));
        // the centre only checks and returns: it handles none; R never reached Finance
        assertThat(counts(units.get("hcc"))).containsEntry("received", 0L).containsEntry("refused", 0L);
        assertThat(counts(units.get("phuongthuanhoa"))).containsEntry("received", 3L)
                .containsEntry("finishedEarly", 1L).containsEntry("inProgressDueSoon", 1L)
                .containsEntry("inProgressNotDue", 1L).containsEntry("onTimeRate", "100.00");
        for (String agency : List.of("conganthuanhoa", "bhxhhue")) {
            assertThat(counts(units.get(agency))).as(agency).containsEntry("received", 2L)
                    .containsEntry("finishedEarly", 1L).containsEntry("inProgressDueSoon", 1L)
                    .containsEntry("inProgressNotDue", 0L);
        }
        // the whole city: P, Q, S, T, U once each, though S and T count for three agencies
        assertThat(counts(report.get("total"))).containsExactly(
                entry("received", 5), entry("receivedOnline", 0), entry("receivedCounter", 5),
                entry("finishedEarly", 2), entry("finishedOnTime", 0), entry("finishedLate", 0),
                entry("inProgressNotDue", 1), entry("inProgressDueSoon", 1), entry("inProgressOverdue", 1),
                entry("paused", 0), entry("refused", 0), entry("reappointed", 0),
                entry("onTimeRate", "80.00"), entry("onlineShare", "0.00"));
        long sumOfUnits = 0;
        for (JsonNode unit : report.get("perUnit")) {
            sumOfUnits += unit.get("received").asLong();
        }
        assertThat(sumOfUnits).isEqualTo(2 + 3 + 2 + 2);
        assertThat(counts(report.get("perMonth").get(0))).isEqualTo(counts(report.get("total")));
    }

    @Test
    void aSetOfSeveralAgenciesCountsOnceInATotalOverSeveralOfThem() {
        JsonNode report = json(city.get("/api/reports/indicators?by=handling&unit=conganthuanhoa&" + JUNE));
        assertThat(report.get("total").get("received").asLong()).isEqualTo(2);
        JsonNode ward = json(city.get("/api/reports/indicators?by=handling&unit=phuongthuanhoa&procedure="
                + BIRTH_SET + "&" + JUNE));
        assertThat(ward.get("total").get("received").asLong()).isEqualTo(3);
        assertThat(ward.get("filter").get("procedure").asText()).isEqualTo(BIRTH_SET);
    }

    @Test
    void aUnitSeesTheFiguresOfTheDossiersItHandledAndNoOtherUnits() {
        Api finance = Api.at(port).as("giamsat.taichinh", "demo");
        JsonNode received = json(finance.get("/api/reports/indicators?" + JUNE));
        assertThat(received.get("total").get("received").asLong()).isZero();
        JsonNode handled = json(finance.get("/api/reports/indicators?by=handling&" + JUNE));
        assertThat(handled.get("filter").get("units").get(0).asText()).isEqualTo("sotaichinh");
        assertThat(handled.get("perUnit")).hasSize(1);
        assertThat(handled.get("total").get("received").asLong()).isEqualTo(2);
        assertThat(handled.get("total").get("inProgressOverdue").asLong()).isEqualTo(1);
        // another unit's figures stay refused, whichever way they are counted
        assertThat(finance.get("/api/reports/indicators?by=handling&unit=hcc").status()).isEqualTo(403);
        assertThat(Api.at(port).as("giamsat.bhxh", "demo").get("/api/reports/indicators?by=handling&unit=sotaichinh")
                .status()).isEqualTo(403);
        JsonNode insurance = json(Api.at(port).as("giamsat.bhxh", "demo")
                .get("/api/reports/indicators?by=handling&" + JUNE));
        assertThat(insurance.get("total").get("received").asLong()).isEqualTo(2);
    }

    @Test
    void anUnknownWayOfCountingIsAFieldError() {
        Api.Response wrong = city.get("/api/reports/indicators?by=agency");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.json().get("errors").get(0).get("field").asText()).isEqualTo("by");
        assertThat(wrong.json().get("errors").get(0).get("message").asText()).contains("đơn vị giải quyết");
        assertThat(city.get("/api/reports/overdue?by=%00").status()).isEqualTo(400);
    }

    @Test
    void theOverdueListByHandlingUnitHasTheDossiersTheUnitHandles() {
        List<String> finance = codes(city.get("/api/reports/overdue?unit=sotaichinh&by=handling&limit=1000"));
        assertThat(finance).contains(code.get("Q")).doesNotContain(code.get("S"), code.get("T"));
        List<String> centreReceived = codes(city.get("/api/reports/overdue?unit=hcc&by=receiving&limit=1000"));
        assertThat(centreReceived).contains(code.get("Q"));
        List<String> centreHandled = codes(city.get("/api/reports/overdue?unit=hcc&by=handling&limit=1000"));
        assertThat(centreHandled).doesNotContain(code.get("Q"), code.get("P"));
        // without by=, as before: the unit received it or holds its open step
        assertThat(codes(city.get("/api/reports/overdue?unit=sotaichinh&limit=1000"))).contains(code.get("Q"));
    }

    private List<String> codes(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        response.json().forEach(row -> codes.add(row.get("code").asText()));
        return codes;
    }

    /** Files the dossier at the counter now and receives it. */
    private String received(String procedure) {
        String c = driver.intake(procedure);
        driver.complete(c, "Task_receptionCheck", "APPROVE", null);
        return c;
    }
}
