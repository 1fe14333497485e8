package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static vn.motcua.engine.Driver.at;
import static vn.motcua.engine.Driver.clock;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.MailServer;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.survey.Surveys;

/**
 * The satisfaction survey process on the engine clock: invitation when the dossier closes, one
 * reminder with the same link, expiry; an answer ends it; a low score's complaint reaches the
 * supervisors of the unit that received the dossier.
 */
@MotcuaTest
class SurveyPathsTest {

    static final String HOUSEHOLD_BUSINESS = "1.001612";
    static final Pattern LINK = Pattern.compile("/khao-sat/([A-Za-z0-9_-]{22,})");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired Driver driver;
    @Autowired MailServer mail;
    @Autowired Surveys surveys;

    @BeforeEach
    void setUp() {
        init(engine);
        clock("2025-11-24T09:00+07:00");
        Staff.actAs("demo", "camunda-admin");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Staff.clear();
    }

    @Test
    void anUnansweredSurveyIsRemindedOnceWithTheSameLinkThenExpires() {
        String code = refused();
        ProcessInstance survey = driver.instance(code, "satisfactionSurvey");
        assertThat(survey).isWaitingAt("Task_invite");
        driver.asyncJobs(code, "satisfactionSurvey").forEach(driver::execute);
        String token = token(mail.single(code, "Mời Ông/Bà đánh giá"));
        assertThat(survey).isWaitingAt("Gateway_waitAnswer");

        // reminded after 3 days, expiring after 14
        Job remind = timer(survey);
        assertThat(remind.getDuedate().toInstant()).isEqualTo(at("2025-11-27T09:00+07:00"));
        ClockUtil.setCurrentTime(remind.getDuedate());
        driver.execute(remind);
        driver.asyncJobs(code, "satisfactionSurvey").forEach(driver::execute);
        assertThat(token(mail.single(code, "Nhắc"))).isEqualTo(token);

        Job expiry = timer(survey);
        assertThat(expiry.getDuedate().toInstant()).isEqualTo(at("2025-12-08T09:00+07:00"));
        ClockUtil.setCurrentTime(expiry.getDuedate());
        driver.execute(expiry);
        assertThat(survey).isEnded().hasPassed("EndEvent_expired");
        assertThat(Api.at(port).get("/api/public/surveys/" + token).status()).isEqualTo(410);
    }

    @Test
    void aLowScoreComplaintReachesTheSupervisorsOfTheUnit() {
        String code = refused();
        driver.asyncJobs(code, "satisfactionSurvey").forEach(driver::execute);
        String token = token(mail.single(code, "Mời Ông/Bà đánh giá"));
        Api citizen = Api.at(port);
        Api.Response answered = citizen.post("/api/public/surveys/" + token, Map.of(
                "answers", Map.of("access", 2, "procedure", 1, "officers", 2, "result", 1, "feedback", 2),
                "overall", 1, "comment", "Không được hướng dẫn rõ."));
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(driver.instance(code, "satisfactionSurvey")).isNull();

        Api.Response complaint = citizen.post("/api/public/surveys/" + token + "/complaint",
                Map.of("text", "Bị từ chối mà không được giải thích."));
        assertThat(complaint.status()).as(complaint.body()).isEqualTo(201);
        ProcessInstance handling = driver.instance(code, "surveyComplaint");
        assertThat(handling).isWaitingAt("Task_notifySupervisors");
        driver.asyncJobs(code, "surveyComplaint").forEach(driver::execute);
        MimeMessage toSupervisors = mail.single(code, "Phản ánh của công dân");
        assertThat(MailServer.recipients(toSupervisors)).containsExactly("giamsat.thuanhoa@motcua.test");
        assertThat(MailServer.body(toSupervisors)).contains("Bị từ chối mà không được giải thích.");
        assertThat(driver.candidateGroups(driver.task(code, "Task_handleComplaint")))
                .containsExactly("phuongthuanhoa_supervisors");
        driver.complete(code, "Task_handleComplaint", "DISMISSED", "Đã gọi điện giải thích cho công dân.");
        assertThat(handling).isEnded();
    }

    /** Refused at the counter: a closing too, so its citizen is asked. */
    private String refused() {
        String code = driver.intake(HOUSEHOLD_BUSINESS);
        driver.complete(code, "Task_receptionCheck", "REFUSE", "Hồ sơ không thuộc thẩm quyền của phường");
        return code;
    }

    private Job timer(ProcessInstance survey) {
        List<Job> timers = management.createJobQuery().processInstanceId(survey.getId()).timers().list();
        assertThat(timers).hasSize(1);
        return timers.get(0);
    }

    private static String token(MimeMessage mail) {
        Matcher m = LINK.matcher(MailServer.body(mail));
        assertThat(m.find()).as("a survey link").isTrue();
        return m.group(1);
    }
}
