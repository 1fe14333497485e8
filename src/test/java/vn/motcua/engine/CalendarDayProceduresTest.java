package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.engine.Driver.at;
import static vn.motcua.engine.Driver.clock;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.deadline.Deadlines;
import vn.motcua.document.Documents;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;

/**
 * Procedures whose time the law gives in calendar days or as the same day, through the real engine: the
 * appointment (Form 01) follows the Civil Code's counting, and the steps share the working time the dossier
 * actually has until then in the catalog's proportions. The construction permit for a foreign contractor
 * (1.013222) takes "06 ngày": appraisal 32, approval 8, return 8 of 48 nominal hours; birth registration
 * (1.001193) is done the same day, or the next working day when received after 15:00: appraisal 4, approval
 * 2, return 2 of 8.
 */
@MotcuaTest
class CalendarDayProceduresTest {

    static final String FOREIGN_CONTRACTOR = "1.013222";
    static final String BIRTH = "1.001193";

    @Autowired Driver driver;
    @Autowired Dossiers dossiers;
    @Autowired Deadlines deadlines;
    @Autowired Documents documents;
    @LocalServerPort int port;

    @BeforeEach
    void staff() {
        Staff.actAs("demo", "camunda-admin");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Staff.clear();
    }

    @Test
    void sixDaysFromAThursdayAreDueTheNextWednesdayAndTheStepsShareItsWorkingTime() {
        clock("2026-11-19T10:00+07:00");
        String code = driver.intake(FOREIGN_CONTRACTOR);
        driver.complete(code, "Task_receptionCheck", "APPROVE", null);

        Dossier dossier = dossiers.require(code);
        // Fri, Sat, Sun, Mon, Tue, Wed: the sixth day is Wednesday 25/11, due at its close (six working days
        // would have been Friday 27/11)
        assertThat(dossier.getAppointmentAt()).isEqualTo(at("2026-11-25T17:00+07:00"));
        assertThat(dossier.getDueAt()).isEqualTo(at("2026-11-25T17:00+07:00"));
        // 37 working hours until then (Thu 5, Fri, Mon, Tue, Wed 8 each); appraisal gets 32/48 of them:
        // 1,480 minutes from Thursday 10:00 is Tuesday 10:40
        assertThat(dossiers.statutoryWorkingMinutes(dossiers.procedureOf(dossier), dossier.getReceivedAt()))
                .isEqualTo(37 * 60);
        assertThat(driver.task(code, "Task_appraise").getDueDate().toInstant()).isEqualTo(at("2026-11-24T10:40+07:00"));
        assertThat(deadlines.openStep(code, "appraise")).get().satisfies(h -> assertThat(h.getShareMinutes()).isEqualTo(1480));

        // approval starts Tuesday 10:00 with 8/48 of 37 hours: 370 minutes, 300 on Tuesday, Wednesday 08:10
        clock("2026-11-24T10:00+07:00");
        driver.complete(code, "Task_appraise", "APPROVE", null);
        assertThat(driver.task(code, "Task_approve").getDueDate().toInstant()).isEqualTo(at("2026-11-25T08:10+07:00"));

        // the receipt says what the law says
        assertThat(documents.html(code, "01")).contains("6 ngày (tính cả ngày nghỉ)").doesNotContain("ngày làm việc.");
    }

    @Test
    void aLastDayThatIsAHolidayMovesTheAppointmentPastIt() {
        // Tuesday 21/4/2026 + 6 days = Monday 27/4, the day off for Hùng Kings' day (Sunday 26/4): Tuesday 28/4
        clock("2026-04-21T09:00+07:00");
        String code = driver.intake(FOREIGN_CONTRACTOR);
        driver.complete(code, "Task_receptionCheck", "APPROVE", null);
        assertThat(dossiers.require(code).getAppointmentAt()).isEqualTo(at("2026-04-28T17:00+07:00"));
    }

    @Test
    void theSameDayEndsAtClosingAndAfterTheCutoffTheNextWorkingDay() {
        clock("2026-11-23T10:00+07:00");
        String morning = driver.intake(BIRTH);
        driver.complete(morning, "Task_receptionCheck", "APPROVE", null);
        assertThat(dossiers.require(morning).getAppointmentAt()).isEqualTo(at("2026-11-23T17:00+07:00"));
        // 5 working hours left that day; appraisal gets half: 150 minutes from 10:00 is 14:30
        assertThat(driver.task(morning, "Task_appraise").getDueDate().toInstant()).isEqualTo(at("2026-11-23T14:30+07:00"));

        clock("2026-11-23T15:30+07:00");
        String afternoon = driver.intake(BIRTH);
        driver.complete(afternoon, "Task_receptionCheck", "APPROVE", null);
        assertThat(dossiers.require(afternoon).getAppointmentAt()).isEqualTo(at("2026-11-24T17:00+07:00"));
        // 90 minutes on Monday and 8 hours on Tuesday: appraisal gets 285 minutes, Tuesday 10:15
        assertThat(driver.task(afternoon, "Task_appraise").getDueDate().toInstant())
                .isEqualTo(at("2026-11-24T10:15+07:00"));
    }

    @Test
    void theApiSaysTheUnitOfEachTime() {
        Api api = Api.at(port);
        JsonNode contractor = api.get("/api/procedures/" + FOREIGN_CONTRACTOR).json();
        assertThat(contractor.get("statutoryUnit").asText()).isEqualTo("CALENDAR_DAYS");
        assertThat(contractor.get("statutoryAmount").asInt()).isEqualTo(6);
        assertThat(contractor.get("statutoryDays").isNull()).isTrue();
        assertThat(contractor.get("statutoryText").asText()).isEqualTo("6 ngày (tính cả ngày nghỉ)");
        JsonNode birth = api.get("/api/procedures/" + BIRTH).json();
        assertThat(birth.get("statutoryUnit").asText()).isEqualTo("SAME_DAY");
        assertThat(birth.get("afternoonCutoff").asText()).isEqualTo("15:00:00");
        assertThat(birth.get("statutoryText").asText())
                .isEqualTo("Trong ngày (nhận sau 15:00 thì trả trong ngày làm việc tiếp theo)");
        JsonNode household = api.get("/api/procedures/1.001612").json();
        assertThat(household.get("statutoryUnit").asText()).isEqualTo("WORKING_DAYS");
        assertThat(household.get("statutoryDays").asInt()).isEqualTo(3);
    }
}
