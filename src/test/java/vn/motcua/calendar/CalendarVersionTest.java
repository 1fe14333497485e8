package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.MotcuaTest;

/**
 * What another node's calendar change looks like to this node: rows written straight into the database (as that
 * node's transaction commits them), and the shared version moved. The next computation here counts with them;
 * days imported by a node that stopped before it recalculated the deadlines are recalculated by the next node that
 * gets ready, once. Dates of 2033, undone afterwards.
 */
@MotcuaTest
class CalendarVersionTest {

    static final LocalDate WEDNESDAY = LocalDate.of(2033, 3, 16);
    static final Instant MONDAY_9 = OffsetDateTime.parse("2033-03-14T09:00+07:00").toInstant();

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired WorkingCalendar calendar;
    @Autowired StoredCalendarDays storedDays;
    @Autowired CalendarVersion version;
    @Autowired ConfigurableApplicationContext context;

    final List<CalendarChanged> announced = new ArrayList<>();
    final ApplicationListener<PayloadApplicationEvent<CalendarChanged>> listener = e -> announced.add(e.getPayload());

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
    }

    @AfterEach
    void undo() {
        context.removeApplicationListener(listener);
        anotherNode("delete from calendar_day where day_date = ?", WEDNESDAY);
    }

    /** A statement of another node, committed with the version moved, as that node's own change would be. */
    void anotherNode(String sql, Object... args) {
        tx.executeWithoutResult(status -> {
            jdbc.update(sql, args);
            jdbc.update("update calendar_version set recalculated = version + 1, version = version + 1 where id = 1");
        });
    }

    @Test
    void aDayOffAddedOnAnotherNodeCountsHereFromTheNextComputation() {
        ZonedDateTime before = calendar.addWorkingTime(MONDAY_9, 2 * 480, null);
        assertThat(before.toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2033-03-16T09:00+07:00"));
        assertThat(calendar.isWorkingDay(WEDNESDAY)).isTrue();

        anotherNode("insert into calendar_day (day_date, kind, name, changed_by, changed_at) values (?, 'DAY_OFF',"
                + " 'Ngày nghỉ do nút khác thêm', 'admin', current_timestamp)", WEDNESDAY);

        assertThat(calendar.isWorkingDay(WEDNESDAY)).isFalse();
        assertThat(calendar.addWorkingTime(MONDAY_9, 2 * 480, null).toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse("2033-03-17T09:00+07:00"));

        // removed there: working here again
        anotherNode("delete from calendar_day where day_date = ?", WEDNESDAY);
        assertThat(calendar.isWorkingDay(WEDNESDAY)).isTrue();
    }

    @Test
    void withinOneTransactionTheDaysStayAsTheFirstComputationFoundThem() {
        tx.executeWithoutResult(status -> {
            assertThat(calendar.isWorkingDay(WEDNESDAY)).isTrue();
            // committed meanwhile by another node (a transaction of its own)
            new TransactionTemplate(tx.getTransactionManager(), requiresNew()).executeWithoutResult(s ->
                    anotherNode("insert into calendar_day (day_date, kind, name, changed_by, changed_at) values (?,"
                            + " 'DAY_OFF', 'Ngày nghỉ do nút khác thêm', 'admin', current_timestamp)", WEDNESDAY));
            assertThat(calendar.isWorkingDay(WEDNESDAY)).isTrue();
        });
        assertThat(calendar.isWorkingDay(WEDNESDAY)).isFalse();
    }

    @Test
    void daysImportedByANodeThatStoppedAreRecalculatedOnceByTheNextReadyNode() {
        // a node imported days (the version moved) and stopped before it recalculated the open deadlines
        tx.executeWithoutResult(status -> jdbc.update("update calendar_version set version = version + 1 where id = 1"));
        assertThat(version.pendingRecalculation()).isPresent();

        storedDays.ready();
        assertThat(announced).hasSize(1);
        assertThat(version.pendingRecalculation()).isEmpty();

        // the node after it finds nothing to do
        storedDays.ready();
        assertThat(announced).hasSize(1);
    }

    private static org.springframework.transaction.TransactionDefinition requiresNew() {
        return new org.springframework.transaction.support.DefaultTransactionDefinition(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }
}
