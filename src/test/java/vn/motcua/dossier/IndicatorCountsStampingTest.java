package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.Committed;
import vn.motcua.MotcuaTest;

/**
 * The first build of the indicators' daily counts after dossiers were loaded around the application (or after the
 * migrations that ask for it): each dossier's {@code changed_at} and {@code count_month} stamped in bounded
 * transactions, the month that of its day of reception (or refusal) in the province's zone; and two nodes building at
 * once, one after the other, both ending with the same counts.
 */
@MotcuaTest
class IndicatorCountsStampingTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired IndicatorCounts counts;
    @Autowired EntityManager em;

    /** code, status, channel, filed, received, finished, e-result: instants in the province's zone (+07:00) */
    static final String[][] DOSSIERS = {
        {"STAMP-01", "DONE", "COUNTER", "2025-01-31T08:00+07:00", "2025-01-31T23:30+07:00", "2025-02-03T10:00+07:00", null},
        {"STAMP-02", "DONE", "ONLINE", "2025-01-31T09:00+07:00", "2025-02-01T00:30+07:00", "2025-02-04T10:00+07:00",
            "2025-03-02T09:00+07:00"},
        {"STAMP-03", "IN_PROGRESS", "COUNTER", "2025-02-28T16:00+07:00", "2025-02-28T16:30+07:00", null, null},
        {"STAMP-04", "REFUSED", "COUNTER", "2025-03-01T00:30+07:00", null, "2025-03-01T01:00+07:00", null},
        {"STAMP-05", "NEW", "ONLINE", "2025-03-05T10:00+07:00", null, null, null},
        {"STAMP-06", "IN_PROGRESS", "COUNTER", "2025-12-31T17:00+07:00", "2025-12-31T17:30+07:00", null, null},
        {"STAMP-07", "RETURNED", "COUNTER", "2026-01-01T06:00+07:00", "2026-01-01T06:30+07:00", "2026-01-05T09:00+07:00",
            null},
    };
    /** each dossier's expected count_month (null: counted nowhere) and changed_at */
    static final Object[][] EXPECTED = {
        {202501, "2025-02-03T10:00+07:00"}, {202502, "2025-03-02T09:00+07:00"}, {202502, "2025-02-28T16:30+07:00"},
        {202503, "2025-03-01T01:00+07:00"}, {null, "2025-03-05T10:00+07:00"}, {202512, "2025-12-31T17:30+07:00"},
        {202601, "2026-01-05T09:00+07:00"},
    };

    @BeforeEach
    void load() {
        clear();
        List<Object[]> rows = new ArrayList<>();
        for (String[] d : DOSSIERS) {
            boolean received = d[4] != null;
            rows.add(new Object[] {d[0], "1.001612", "phuongthuanhoa", d[2], d[1], "Công dân", "046190001111",
                "0905000000", "Huế", stored(d[3]), "stamping", stored(d[4]), received ? stored(d[4]) : null,
                received ? stored(d[4]) : null, stored(d[5]), d[5] != null && received ? "ON_TIME" : null,
                stored(d[6])});
        }
        // loaded around the application: neither changed_at nor count_month
        Committed.batchUpdate(jdbc, "insert into dossier (code, procedure_code, receiving_unit, channel, status, applicant_full_name,"
                + " applicant_id_number, applicant_phone, applicant_address, filed_at, filed_by, received_at,"
                + " appointment_at, due_at, finished_at, verdict, e_result_at, version, paused_minutes,"
                + " extension_minutes, supplement_requests, reappointments) values"
                + " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,0,0,0,0)", rows);
        // stored as the application stores instants
        assertThat(em.createQuery("select d.receivedAt from Dossier d where d.code = 'STAMP-02'", Instant.class)
                .getSingleResult()).isEqualTo(OffsetDateTime.parse(DOSSIERS[1][4]).toInstant());
    }

    @AfterEach
    void clear() {
        Committed.update(jdbc, "delete from dossier where code like 'STAMP-%'");
        counts.rebuild();
    }

    @Test
    void theFirstBuildStampsEachDossierInBoundedTransactions() {
        // one dossier stamped already keeps its stamp
        Committed.update(jdbc, "update dossier set changed_at = ? where code = 'STAMP-07'", stored("2026-02-01T00:00+07:00"));

        // two dossiers per transaction: the stamping goes on range after range
        assertThat(counts.stamp(2)).isGreaterThanOrEqualTo(DOSSIERS.length - 1 + DOSSIERS.length - 1);

        for (int i = 0; i < DOSSIERS.length; i++) {
            Object[] row = em.createQuery("select d.countMonth, d.changedAt from Dossier d where d.code = :code",
                    Object[].class).setParameter("code", DOSSIERS[i][0]).getSingleResult();
            assertThat(row[0]).as(DOSSIERS[i][0]).isEqualTo(EXPECTED[i][0]);
            String changed = i == 6 ? "2026-02-01T00:00+07:00" : (String) EXPECTED[i][1];
            assertThat(row[1]).as(DOSSIERS[i][0]).isEqualTo(OffsetDateTime.parse(changed).toInstant());
        }
        // nothing left to stamp
        assertThat(counts.stamp(2)).isZero();
    }

    @Test
    void twoNodesBuildingAtOnceBuildOneAfterTheOther() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            Callable<Long> build = () -> {
                together.await(10, TimeUnit.SECONDS);
                return counts.rebuild();
            };
            Future<Long> first = nodes.submit(build);
            Future<Long> second = nodes.submit(build);
            long counted = jdbc.queryForObject("select count(*) from dossier where received_at is not null"
                    + " or (status = 'REFUSED' and finished_at is not null)", Long.class);
            assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(counted);
            assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(counted);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(counts.built()).isTrue();
        assertThat(jdbc.queryForObject("select sum(dossiers) from indicator_count", Long.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from dossier where received_at is not null"
                        + " or (status = 'REFUSED' and finished_at is not null)", Long.class));
        assertThat(jdbc.queryForObject("select count(*) from dossier where code like 'STAMP-%'"
                + " and (changed_at is null or (count_month is null and code <> 'STAMP-05'))", Long.class)).isZero();
    }

    /** An instant for JDBC, as the application's JPA stores it on H2 (the date-time in the JVM's zone). */
    static Timestamp stored(String instant) {
        return instant == null ? null : Timestamp.from(OffsetDateTime.parse(instant).toInstant());
    }
}
