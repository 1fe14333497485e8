package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.at;
import static vn.motcua.engine.Driver.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.Staff;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierStatistics.Counts;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.IndicatorCounts;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.engine.Driver;

/**
 * The contract of the daily counts ({@code IndicatorCountsTest} on H2, {@code MariaDbIndicatorCountsTest} on MariaDB):
 * the daily counts the indicators read equal a direct aggregation over the dossier table, for periods within a month,
 * across the turn of 2024 to 2025 and over a year, for the city, a unit and a procedure, looked at from instants
 * before, during and after the dossiers' changes (mid-day, at midnight, on the hour of a due), and again after the
 * counts are built anew from the dossier table. The dossiers go through the real engine in December 2024 and January
 * 2025 (1 January off): finished early, late and on time, a refusal, a supplement across the new year, a dossier
 * re-appointed, one digitised, one with its electronic result, some still running or paused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IndicatorCountsContract {

    static final String HOUSEHOLD = "1.001612";
    static final String ENTERPRISE = "2.001610";

    @Autowired Driver driver;
    @Autowired Dossiers dossiers;
    @Autowired Indicators indicators;
    @Autowired IndicatorCounts counts;

    final Map<String, String> code = new LinkedHashMap<>();

    @BeforeAll
    void seed() {
        try {
            Staff.actAs("demo", "camunda-admin");
            clock("2024-12-16T09:00+07:00");
            code.put("d1", received(HOUSEHOLD, Channel.COUNTER));
            code.put("d2", received(HOUSEHOLD, Channel.ONLINE));
            clock("2024-12-17T09:00+07:00");
            code.put("d6", received(ENTERPRISE, Channel.ONLINE));
            clock("2024-12-17T09:30+07:00");
            code.put("d5", driver.intake(HOUSEHOLD));
            driver.complete(code.get("d5"), "Task_receptionCheck", "REFUSE", "Ngành nghề không được kinh doanh");
            clock("2024-12-17T10:00+07:00");
            finish(code.get("d1"));
            clock("2024-12-17T11:00+07:00");
            dossiers.electronicResult(code.get("d1"));
            clock("2024-12-20T10:00+07:00");
            finish(code.get("d2"));
            clock("2024-12-26T14:00+07:00");
            code.put("d3", received(HOUSEHOLD, Channel.COUNTER));
            clock("2024-12-30T09:00+07:00");
            code.put("d4", received(HOUSEHOLD, Channel.COUNTER));
            clock("2024-12-31T10:00+07:00");
            driver.complete(code.get("d3"), "Task_appraise", "SUPPLEMENT", "Bổ sung hợp đồng thuê");
            clock("2025-01-02T10:00+07:00");
            dossiers.reappoint(code.get("d4"), 480, "lanhdao.thuanhoa", "Chờ xác minh địa điểm");
            clock("2025-01-06T09:00+07:00");
            dossiers.supplementReceived(code.get("d3"));
            code.put("d7", received(HOUSEHOLD, Channel.COUNTER));
            clock("2025-01-06T09:10+07:00");
            dossiers.digitised(code.get("d7"));
            clock("2025-01-06T09:20+07:00");
            code.put("d8", received(HOUSEHOLD, Channel.COUNTER));
            clock("2025-01-07T10:30+07:00");
            finish(code.get("d3"));
            clock("2025-01-07T15:00+07:00");
            code.put("d9", received(HOUSEHOLD, Channel.COUNTER));
            clock("2025-01-08T09:00+07:00");
            driver.complete(code.get("d8"), "Task_appraise", "SUPPLEMENT", "Bổ sung bản vẽ");
            clock("2025-01-10T14:00+07:00");
            finish(code.get("d9"));
            clock("2025-01-13T09:00+07:00");
            code.put("d10", received(HOUSEHOLD, Channel.ONLINE));
        } finally {
            ClockUtil.reset();
            Staff.clear();
        }
        assertThat(dossiers.require(code.get("d3")).getDueAt()).isAfter(at("2025-01-06T09:00+07:00"));
        assertThat(dossiers.require(code.get("d7")).getDueAt()).isEqualTo(at("2025-01-09T09:00+07:00"));
        assertThat(dossiers.require(code.get("d8")).isPaused()).isTrue();
    }

    static final List<String> AS_OF = List.of("2024-12-17T09:30+07:00", "2024-12-20T00:00+07:00",
            "2024-12-31T10:00+07:00", "2025-01-01T00:00+07:00", "2025-01-02T09:45+07:00", "2025-01-03T09:00+07:00",
            "2025-01-06T09:15+07:00", "2025-01-08T17:00+07:00", "2025-01-09T09:10+07:00", "2025-01-15T10:00+07:00",
            "2025-02-15T00:00+07:00");
    static final List<LocalDate[]> PERIODS = List.of(
            new LocalDate[] {LocalDate.of(2024, 12, 1), LocalDate.of(2025, 1, 31)},
            new LocalDate[] {LocalDate.of(2024, 12, 15), LocalDate.of(2024, 12, 31)},
            new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)},
            new LocalDate[] {LocalDate.of(2024, 6, 1), LocalDate.of(2025, 5, 31)});

    @Test
    void theDailyCountsEqualTheDirectAggregationFromEveryInstant() {
        // the seeded dossiers are there to be counted
        Map<String, Counts> january = indicators.directPerReceivingUnit(Set.of("phuongthuanhoa"), HOUSEHOLD,
                LocalDate.of(2024, 12, 1), LocalDate.of(2025, 1, 31), at("2025-01-15T10:00+07:00"))
                .get(YearMonth.of(2025, 1));
        assertThat(january.get("phuongthuanhoa").received()).isGreaterThanOrEqualTo(4);
        compareEverywhere();
    }

    @Test
    void theCountsBuiltAnewFromTheDossiersAreTheSame() {
        counts.rebuild();
        assertThat(counts.built()).isTrue();
        compareEverywhere();
    }

    @Test
    void theCurrentPeriodNowIsTheSameToo() {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        compare(null, null, today.minusYears(3).withDayOfMonth(1), today, now);
    }

    /**
     * Many dossiers of one unit, procedure and day move between the same daily count rows at the same moment (eight
     * officers approving at once): none of the changes fails (on MariaDB they deadlocked on the shared rows when each
     * change wrote its rows as it came), and the counts still equal the direct aggregation.
     */
    @Test
    void manyDossiersOfOneDayApprovedAtOnceAllCountAndNoneFails() throws Exception {
        List<String> batch = new java.util.ArrayList<>();
        try {
            Staff.actAs("demo", "camunda-admin");
            // received through the morning, five minutes apart: their deadlines, hence their rows, differ
            for (int i = 0; i < 40; i++) {
                ClockUtil.setCurrentTime(java.util.Date.from(at("2025-03-03T07:30+07:00").plusSeconds(300L * i)));
                String c = received(HOUSEHOLD, i % 3 == 0 ? Channel.ONLINE : Channel.COUNTER);
                driver.complete(c, "Task_appraise", "APPROVE", null);
                batch.add(c);
            }
            clock("2025-03-05T10:00+07:00");
        } finally {
            Staff.clear();
        }
        java.util.concurrent.ExecutorService officers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> approvals = new java.util.ArrayList<>();
            for (String c : batch) {
                approvals.add(officers.submit(() -> {
                    Staff.actAs("lanhdao.thuanhoa", "phuongthuanhoa_leaders");
                    try {
                        driver.complete(c, "Task_approve", "APPROVE", null);
                    } finally {
                        Staff.clear();
                    }
                }));
            }
            for (java.util.concurrent.Future<?> approval : approvals) {
                approval.get(); // an approval that failed (a deadlock, say) fails the test here
            }
        } finally {
            officers.shutdownNow();
            ClockUtil.reset();
        }
        Instant asOf = at("2025-03-06T09:00+07:00");
        assertThat(indicators.countedPerReceivingUnit(null, HOUSEHOLD, LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 31), asOf)).isEqualTo(indicators.directPerReceivingUnit(null, HOUSEHOLD,
                        LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), asOf));
        assertThat(indicators.countedPerReceivingUnit(null, HOUSEHOLD, LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 31), asOf).values().stream().flatMap(m -> m.values().stream())
                .mapToLong(Counts::received).sum()).isEqualTo(batch.size());
    }

    private void compareEverywhere() {
        for (String asOf : AS_OF) {
            for (LocalDate[] period : PERIODS) {
                compare(null, null, period[0], period[1], at(asOf));
                compare(Set.of("phuongthuanhoa"), null, period[0], period[1], at(asOf));
                compare(null, HOUSEHOLD, period[0], period[1], at(asOf));
                compare(Set.of("hcc", "phuongthuanhoa"), ENTERPRISE, period[0], period[1], at(asOf));
            }
        }
    }

    private void compare(Set<String> units, String procedure, LocalDate from, LocalDate to, Instant asOf) {
        Map<YearMonth, Map<String, Counts>> direct = nonZero(indicators.directPerReceivingUnit(units, procedure, from,
                to, asOf));
        Map<YearMonth, Map<String, Counts>> counted = nonZero(indicators.countedPerReceivingUnit(units, procedure, from,
                to, asOf));
        assertThat(counted).as("%s %s %s..%s as of %s", units, procedure, from, to, asOf).isEqualTo(direct);
    }

    private static Map<YearMonth, Map<String, Counts>> nonZero(Map<YearMonth, Map<String, Counts>> months) {
        Map<YearMonth, Map<String, Counts>> kept = new TreeMap<>();
        months.forEach((month, units) -> {
            Map<String, Counts> nonZero = new TreeMap<>();
            units.forEach((unit, c) -> {
                if (!c.equals(Counts.ZERO)) {
                    nonZero.put(unit, c);
                }
            });
            kept.put(month, nonZero);
        });
        return kept;
    }

    private String received(String procedure, Channel channel) {
        String c = dossiers.intake(new IntakeRequest(procedure, channel,
                new IntakeRequest.ApplicantData("Võ Văn Kiệt", "046190007777", "0905777777", "kiet@example.com",
                        "9 Ngô Quyền, phường Thuận Hóa, Huế"), Map.of())).getCode();
        driver.complete(c, "Task_receptionCheck", "APPROVE", null);
        return c;
    }

    private void finish(String c) {
        driver.complete(c, "Task_appraise", "APPROVE", null);
        driver.complete(c, "Task_approve", "APPROVE", null);
    }
}
