package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Committed;
import vn.motcua.MotcuaTest;
import vn.motcua.dossier.IndicatorCounts;

/**
 * How long the indicators take over many dossiers: seeds {@code benchmark.dossiers} (default one
 * million) dossiers over twelve months into the test database, then times the indicators for the
 * whole city and for one unit over one month and over the year, from the daily counts (built from the seeded
 * table, as at start-up) and, once, by direct aggregation. Not part of the normal build:
 * {@code ./mvnw verify -Pbenchmark [-Dbenchmark.dossiers=1000000]}; it prints the figures.
 */
@Tag("benchmark")
@MotcuaTest
class IndicatorsBenchmarkTest {

    static final ZoneId HUE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String[][] PROCEDURES = {{"2.001610", "hcc"}, {"1.001612", "phuongthuanhoa"}, {"1.013225", "phuongphuxuan"}};
    static final String[] STATUSES = {"RETURNED", "DONE", "IN_PROGRESS", "SUPPLEMENT_REQUESTED", "REFUSED", "STOPPED"};
    static final String[] VERDICTS = {"EARLY", "ON_TIME", "LATE"};

    @Autowired JdbcTemplate jdbc;
    @Autowired Indicators indicators;
    @Autowired IndicatorCounts counts;
    @Autowired jakarta.persistence.EntityManager em;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void indicatorsOverManyDossiers() {
        int count = Integer.getInteger("benchmark.dossiers", 1_000_000);
        long seeding = System.nanoTime();
        seed(count);
        System.out.printf("BENCHMARK seeded %,d dossiers in %.1f s%n", count, (System.nanoTime() - seeding) / 1e9);
        // loaded around the application (each stamped with its last change, as the application stamps it): the
        // daily counts are built from the dossier table, as at start-up, which first stamps the month each counts in
        long building = System.nanoTime();
        counts.rebuild();
        System.out.printf("BENCHMARK daily counts built in %.1f s%n", (System.nanoTime() - building) / 1e9);

        LocalDate from = LocalDate.of(2025, 11, 1);
        LocalDate to = LocalDate.of(2025, 11, 30);
        time("city, one month", () -> indicators.compute(null, null, from, to).total().received());
        time("one unit, one month", () -> indicators.compute(Set.of("hcc"), null, from, to).total().received());
        time("city, twelve months", () -> indicators.compute(null, null, LocalDate.of(2025, 1, 1), to).total()
                .received());
        time("city, two years", () -> indicators.compute(null, null, LocalDate.of(2024, 12, 1), to).total()
                .received());
        java.time.Instant asOf = LocalDate.of(2025, 12, 1).atStartOfDay(HUE).toInstant();
        time("city, twelve months, by direct aggregation", () -> indicators.directPerReceivingUnit(null, null,
                LocalDate.of(2025, 1, 1), to, asOf).values().stream().flatMap(m -> m.values().stream())
                .mapToLong(c -> c.received()).sum());
        // every seeded dossier: received, or refused at the counter
        vn.motcua.dossier.DossierStatistics.Counts year = indicators.compute(null, null, LocalDate.of(2025, 1, 1), to)
                .total();
        assertThat(year.received() + year.refused()).isEqualTo(count);
        // the fast figures are the direct aggregation's
        assertThat(indicators.countedPerReceivingUnit(null, null, LocalDate.of(2025, 1, 1), to, asOf))
                .isEqualTo(indicators.directPerReceivingUnit(null, null, LocalDate.of(2025, 1, 1), to, asOf));
    }

    /** Runs the query five times after one warm-up and prints the median and the worst. */
    private void time(String what, java.util.function.LongSupplier query) {
        query.getAsLong();
        long[] ms = new long[5];
        long received = 0;
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            received = query.getAsLong();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf("BENCHMARK indicators, %s (%,d received): median %d ms, worst %d ms%n", what, received,
                ms[2], ms[4]);
    }

    /**
     * How the application's JPA stores an instant in a datetime column, found by letting it store one: its date-time in
     * UTC shifted by this (H2 and MariaDB differ), so that JDBC writes what JPA reads back.
     */
    private java.time.Duration storedShift() {
        Instant probe = Instant.parse("2025-06-01T00:00:00Z");
        Committed.update(jdbc, "insert into dossier (code, procedure_code, receiving_unit, channel, status, applicant_full_name,"
                + " applicant_id_number, applicant_phone, applicant_address, filed_at, filed_by, version, paused_minutes,"
                + " extension_minutes, supplement_requests, reappointments) values ('BENCH-PROBE', '2.001610', 'hcc',"
                + " 'ONLINE', 'NEW', 'Công dân', '046000000000', '0905000000', 'Huế', ?, 'bench', 0, 0, 0, 0, 0)",
                LocalDateTime.ofInstant(probe, ZoneOffset.UTC));
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status ->
                em.createQuery("update Dossier d set d.filedAt = :at where d.code = 'BENCH-PROBE'")
                        .setParameter("at", probe).executeUpdate());
        LocalDateTime stored = jdbc.queryForObject("select filed_at from dossier where code = 'BENCH-PROBE'",
                LocalDateTime.class);
        Committed.update(jdbc, "delete from dossier where code = 'BENCH-PROBE'");
        return java.time.Duration.between(LocalDateTime.ofInstant(probe, ZoneOffset.UTC), stored);
    }

    private void seed(int count) {
        shift = storedShift();
        Instant start = LocalDate.of(2025, 1, 1).atStartOfDay(HUE).toInstant();
        long span = LocalDate.of(2025, 12, 1).atStartOfDay(HUE).toInstant().getEpochSecond() - start.getEpochSecond();
        String sql = "insert into dossier (code, procedure_code, receiving_unit, channel, status, applicant_full_name,"
                + " applicant_id_number, applicant_phone, applicant_address, filed_at, filed_by, received_at,"
                + " appointment_at, due_at, finished_at, verdict, version, paused_minutes, extension_minutes,"
                + " supplement_requests, reappointments, changed_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,0,0,0,?,?)";
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] procedure = PROCEDURES[i % PROCEDURES.length];
            String status = STATUSES[i % STATUSES.length];
            Instant received = start.plusSeconds((long) (span * ((i * 0.618034) % 1.0)));
            Instant due = received.plusSeconds(3 * 86_400);
            boolean finished = !status.equals("IN_PROGRESS") && !status.equals("SUPPLEMENT_REQUESTED");
            // a dossier refused at the counter was never received: refused when filed, without a due or verdict
            boolean refused = status.equals("REFUSED");
            Instant finishedAt = refused ? received : finished ? received.plusSeconds(86_400L * (1 + i % 5)) : null;
            batch.add(new Object[] {"BENCH-" + i, procedure[0], procedure[1], i % 3 == 0 ? "ONLINE" : "COUNTER",
                    status, "Công dân " + i, "046" + (100_000_000 + i), "0905000000", "Huế", ts(received), "bench",
                    refused ? null : ts(received), refused ? null : ts(due), refused ? null : ts(due), ts(finishedAt),
                    finished && !refused ? VERDICTS[i % 3] : null, i % 17 == 0 ? 1 : 0,
                    ts(finished ? finishedAt : received)});
            if (batch.size() == 5_000) {
                Committed.batchUpdate(jdbc, sql, batch);
                batch.clear();
            }
        }
        Committed.batchUpdate(jdbc, sql, batch);
    }

    private java.time.Duration shift = java.time.Duration.ZERO;

    /** An instant for JDBC, as the application stores it. */
    private LocalDateTime ts(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).plus(shift);
    }
}
