package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.engine.Driver.clock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.Committed;
import vn.motcua.Staff;
import vn.motcua.engine.Driver;

/**
 * The receiving unit's register (Form 07's book): each dossier takes the next number of its unit's book of
 * the year when it is received, through the real engine; receptions at the same time never share a number,
 * nor wait for each other's work, a reception that fails gives its number back, and dossiers received before the register existed are
 * entered in the order they were received. Uses UBND phường Phú Xuân's book of 2023, which no other test
 * writes to. Run on H2 ({@link DossierRegisterTest}) and on MariaDB ({@link MariaDbDossierRegisterTest}), whose
 * row locks are what keeps parallel receptions apart there.
 */
abstract class DossierRegisterContract {

    /** The building permit of a house, received and handled at UBND phường Phú Xuân. */
    static final String BUILDING_PERMIT = "1.013225";

    @Autowired Driver driver;
    @Autowired Dossiers dossiers;
    @Autowired DossierRegister register;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired vn.motcua.document.Documents documents;

    @BeforeEach
    void setUp() {
        Staff.actAs("tiepnhan.phuxuan", "phuongphuxuan_reception");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Staff.clear();
    }

    @Test
    void receptionsAtTheSameTimeTakeDistinctNumbersAndAFailedOneGivesItsNumberBack() throws Exception {
        clock("2023-03-06T09:00+07:00");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            codes.add(driver.intake(BUILDING_PERMIT));
        }
        int before = last(2023);

        // a reception whose transaction fails as it commits, after its number was taken: the number goes back
        String failing = codes.remove(0);
        AtomicReference<Integer> taken = new AtomicReference<>();
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            Dossier received = dossiers.changeStatus(failing, DossierStatus.RECEIVED, "Task_receptionCheck",
                    "tiepnhan.phuxuan", null);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    taken.set(received.getRegisterNumber());
                    throw new IllegalStateException("the commit fails");
                }
            });
        })).hasMessageContaining("the commit fails");
        assertThat(taken.get()).isEqualTo(before + 1);
        assertThat(dossiers.require(failing).getRegisterNumber()).isNull();
        assertThat(last(2023)).isEqualTo(before);

        // seven officers' receptions at once, each in the engine's own transaction
        ExecutorService pool = Executors.newFixedThreadPool(7);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String code : codes) {
                Callable<Void> reception = () -> {
                    driver.complete(code, "Task_receptionCheck", "APPROVE", null);
                    return null;
                };
                done.add(pool.submit(reception));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Integer> numbers = codes.stream().map(c -> dossiers.require(c).getRegisterNumber()).sorted().toList();
        // no number twice, none skipped: the book runs on from where it stood
        assertThat(numbers).containsExactly(before + 1, before + 2, before + 3, before + 4, before + 5, before + 6,
                before + 7);
        assertThat(codes).allSatisfy(c -> assertThat(dossiers.require(c).getRegisterYear()).isEqualTo(2023));
        assertThat(last(2023)).isEqualTo(before + 7);
    }

    /**
     * The book's counter row is shared by every reception of the unit: a reception still at work (its transaction
     * open) must not hold up the counter's next reception, which takes the next number as it commits first.
     */
    @Test
    void aReceptionStillAtWorkDoesNotHoldUpTheNext() throws Exception {
        clock("2023-03-08T09:00+07:00");
        String slow = driver.intake(BUILDING_PERMIT);
        String quick = driver.intake(BUILDING_PERMIT);
        int before = last(2023);
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> slowReception = pool.submit(() -> {
                Staff.actAs("tiepnhan.phuxuan", "phuongphuxuan_reception");
                new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                    dossiers.changeStatus(slow, DossierStatus.RECEIVED, "Task_receptionCheck", "tiepnhan.phuxuan", null);
                    received.countDown();
                    try {
                        assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                return null;
            });
            assertThat(received.await(30, TimeUnit.SECONDS)).isTrue();
            // the other officer receives the next dossier through the engine while the first is still at work
            Future<?> quickReception = pool.submit(() -> {
                Staff.actAs("tiepnhan.phuxuan", "phuongphuxuan_reception");
                driver.complete(quick, "Task_receptionCheck", "APPROVE", null);
                return null;
            });
            try {
                quickReception.get(20, TimeUnit.SECONDS);
            } finally {
                release.countDown();
            }
            slowReception.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(dossiers.require(quick).getRegisterNumber()).isEqualTo(before + 1);
        assertThat(dossiers.require(slow).getRegisterNumber()).isEqualTo(before + 2);
        assertThat(last(2023)).isEqualTo(before + 2);
    }

    @Test
    void aNewYearOpensANewBookAndDossiersReceivedBeforeTheRegisterAreEntered() {
        // New Year's Eve 23:30 in Huế is 16:30 UTC: still the book of 2023
        clock("2023-12-31T23:30+07:00");
        String lastOf2023 = driver.intake(BUILDING_PERMIT);
        driver.complete(lastOf2023, "Task_receptionCheck", "APPROVE", null);
        clock("2024-01-02T08:00+07:00");
        String first = driver.intake(BUILDING_PERMIT);
        driver.complete(first, "Task_receptionCheck", "APPROVE", null);
        String second = driver.intake(BUILDING_PERMIT);
        driver.complete(second, "Task_receptionCheck", "APPROVE", null);
        assertThat(dossiers.require(lastOf2023).getRegisterYear()).isEqualTo(2023);
        assertThat(dossiers.require(first).getRegisterYear()).isEqualTo(2024);
        assertThat(dossiers.require(first).getRegisterNumber()).isEqualTo(1);
        assertThat(dossiers.require(second).getRegisterNumber()).isEqualTo(2);

        // as a database of the version before the register: numbers gone, the book of 2024 not started
        Committed.update(jdbc, "update dossier set register_year = null, register_number = null where code in (?, ?)", first,
                second);
        Committed.update(jdbc, "delete from register_counter where unit_key = 'phuongphuxuan' and register_year = 2024");
        register.enterEarlierDossiers();
        assertThat(dossiers.require(first).getRegisterNumber()).isEqualTo(1);
        assertThat(dossiers.require(second).getRegisterNumber()).isEqualTo(2);
        assertThat(dossiers.require(second).getRegisterYear()).isEqualTo(2024);
        assertThat(last(2024)).isEqualTo(2);
    }

    /**
     * The engine renders a form for the citizen's mail in the transaction that changed the status (the
     * dossier row locked): taking the form's number in a transaction of its own must not wait for that lock.
     */
    @Test
    void aFormIsNumberedInsideTheTransactionThatChangedTheStatus() {
        clock("2023-03-07T09:00+07:00");
        String code = driver.intake(BUILDING_PERMIT);
        String html = new TransactionTemplate(transactions).execute(tx -> {
            dossiers.changeStatus(code, DossierStatus.SUPPLEMENT_REQUESTED, "Task_requestSupplementAtReception",
                    "tiepnhan.phuxuan", "Thiếu bản vẽ thiết kế");
            return documents.html(code, "02");
        });
        assertThat(html).contains("Thiếu bản vẽ thiết kế").containsPattern("Số: \\d{2,}/PYCBS-UBND");
        // the same occurrence keeps its number
        String line = html.substring(html.indexOf("Số: "), html.indexOf("</div>", html.indexOf("Số: ")));
        assertThat(documents.html(code, "02")).contains(line);
    }

    private int last(int year) {
        List<Integer> found = jdbc.queryForList(
                "select last_value from register_counter where unit_key = 'phuongphuxuan' and register_year = ?",
                Integer.class, year);
        return found.isEmpty() ? 0 : found.get(0);
    }
}
