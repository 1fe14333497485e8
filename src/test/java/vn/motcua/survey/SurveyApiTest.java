package vn.motcua.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.engine.Driver.at;
import static vn.motcua.engine.Driver.clock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import vn.motcua.Api;
import vn.motcua.MotcuaTest;
import vn.motcua.Staff;
import vn.motcua.engine.Driver;

/**
 * The survey over HTTP, for dossiers closed through the real engine: the public API (read, answer
 * once, complain after a low score), expiry on the engine clock, the engine's API (invite, remind,
 * expire) and the staff report.
 */
@MotcuaTest
@RecordApplicationEvents
class SurveyApiTest {

    /** Monday 9 June 2025, 09:00 in Huế. */
    static final String MONDAY_9 = "2025-06-09T09:00+07:00";
    static final String PATH = "/api/public/surveys/";

    @LocalServerPort int port;
    @Autowired Driver driver;
    @Autowired TaskService tasks;
    @Autowired Surveys surveys;
    @Autowired SurveyResponses responses;
    @Autowired SurveyRepository repository;
    @Autowired ApplicationEvents events;

    ClosedDossiers dossiers;
    Api citizen;

    @BeforeEach
    void setUp() {
        clock(MONDAY_9);
        dossiers = new ClosedDossiers(driver, tasks);
        citizen = Api.at(port);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Staff.clear();
    }

    @Test
    void anInvitationRecordsTheUnitProcedureAndOfficersAndIsIdempotent() {
        String code = dossiers.returned();
        Invitation invitation = surveys.invite(code);

        assertThat(invitation.dossierCode()).isEqualTo(code);
        assertThat(invitation.link()).isEqualTo("http://localhost:8080/khao-sat/" + invitation.token());
        assertThat(invitation.token()).hasSize(43);
        assertThat(invitation.expiresAt()).isEqualTo(at("2025-06-23T09:00+07:00"));
        assertThat(invitation.email()).isEqualTo("binh@example.com");
        assertThat(invitation.applicantName()).isEqualTo("Trần Thị Bình");
        Survey survey = repository.findByDossierCode(code).orElseThrow();
        assertThat(survey.getUnitKey()).isEqualTo(ClosedDossiers.UNIT);
        assertThat(survey.getProcedureCode()).isEqualTo(ClosedDossiers.PROCEDURE);
        assertThat(survey.getInvitedAt()).isEqualTo(at(MONDAY_9));
        assertThat(survey.getOfficers()).containsExactlyInAnyOrder(ClosedDossiers.COUNTER, ClosedDossiers.SPECIALIST,
                ClosedDossiers.LEADER);
        // the token itself is nowhere in the row
        assertThat(survey.getNonce()).doesNotContain(invitation.token());

        // a second call (a retried job) gets the same invitation and creates nothing
        clock("2025-06-09T10:00+07:00");
        assertThat(surveys.invite(code)).isEqualTo(invitation);
        assertThat(repository.findByDossierCode(code).orElseThrow().getInvitedAt()).isEqualTo(at(MONDAY_9));
        assertThat(surveys.remindAt(code)).isEqualTo(at("2025-06-12T09:00+07:00"));
        assertThat(surveys.expiresAt(code)).isEqualTo(at("2025-06-23T09:00+07:00"));
        assertThat(surveys.answered(code)).isFalse();
    }

    @Test
    void onlyClosedDossiersAreSurveyed() {
        String code = dossiers.filed();
        assertThatThrownBy(() -> surveys.invite(code)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> surveys.invite("000.00.00.H57-250609-9999")).isInstanceOf(IllegalStateException.class);
        assertThat(surveys.answered(code)).isFalse();
        assertThatThrownBy(() -> surveys.reminder(code)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theCitizenReadsTheSurveyWithNoPersonalDataBeyondTheName() {
        Invitation invitation = surveys.invite(dossiers.returned());

        Api.Response response = citizen.get(PATH + invitation.token());
        assertThat(response.status()).isEqualTo(200);
        JsonNode survey = response.json();
        assertThat(survey.get("dossierCode").asText()).isEqualTo(invitation.dossierCode());
        assertThat(survey.get("procedureName").asText()).isEqualTo("Đăng ký thành lập hộ kinh doanh");
        assertThat(survey.get("unitName").asText()).isEqualTo("UBND phường Thuận Hóa");
        assertThat(survey.get("applicantName").asText()).isEqualTo("Trần Thị Bình");
        assertThat(survey.get("status").asText()).isEqualTo("OPEN");
        assertThat(survey.get("expiresAt").asText()).isEqualTo("2025-06-23T09:00:00+07:00");
        assertThat(survey.get("elements")).extracting(e -> e.get("key").asText())
                .containsExactly("access", "procedure", "officers", "result", "feedback");
        assertThat(survey.get("elements").get(0).get("label").asText()).isEqualTo("Tiếp cận dịch vụ");
        assertThat(survey.get("elements").get(2).get("question").asText()).startsWith("Ông/Bà hài lòng thế nào về công chức");
        assertThat(survey.get("overall").get("label").asText()).isEqualTo("Đánh giá chung");
        assertThat(survey.get("scale")).extracting(p -> p.get("label").asText())
                .containsExactly("Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng");
        assertThat(survey.get("complaint").get("offered").asBoolean()).isFalse();
        // the applicant's id number, phone, email and address stay with the staff
        assertThat(response.body()).doesNotContain("046190001234", "0905123456", "binh@example.com", "Hùng Vương");
    }

    @Test
    void anAnswerIsTakenOnceAndTheLinkThenReadsAnswered() {
        String code = dossiers.returned();
        Invitation invitation = surveys.invite(code);

        Api.Response answered = citizen.post(PATH + invitation.token(), answer(5, 4, 5, 5, 4, 5, "Cán bộ tận tình."));
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(answered.json().get("status").asText()).isEqualTo("ANSWERED");
        assertThat(answered.json().get("complaintOffered").asBoolean()).isFalse();
        assertThat(surveys.answered(code)).isTrue();

        Api.Response again = citizen.get(PATH + invitation.token());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("ANSWERED");

        Api.Response twice = citizen.post(PATH + invitation.token(), answer(1, 1, 1, 1, 1, 1, null));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertThat(twice.json().get("detail").asText()).contains("đã được trả lời");

        // no reminder for an answered survey, and expiring it changes nothing
        assertThat(surveys.reminder(code)).isEmpty();
        surveys.expire(code);
        assertThat(citizen.get(PATH + invitation.token()).json().get("status").asText()).isEqualTo("ANSWERED");
        // no complaint after a good score
        assertThat(citizen.post(PATH + invitation.token() + "/complaint", Map.of("text", "Không hài lòng")).status())
                .isEqualTo(409);
    }

    @Test
    void answeringPublishesSurveyAnswered() {
        String code = dossiers.returned();
        Invitation invitation = surveys.invite(code);
        responses.answer(invitation.token(), new AnswerRequest(new AnswerRequest.Answers(4, 4, 4, 4, 4), 4, null));
        assertThat(events.stream(SurveyAnswered.class))
                .containsExactly(new SurveyAnswered(code, invitation.surveyId()));
    }

    @Test
    void invalidAnswersAre400WithAVietnameseMessagePerField() {
        Invitation invitation = surveys.invite(dossiers.returned());
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("access", 6);
        answers.put("procedure", 0);
        answers.put("result", 3);
        answers.put("feedback", 3);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", answers);
        body.put("comment", "x".repeat(2001));

        Api.Response invalid = citizen.post(PATH + invitation.token(), body);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("answers.access", "answers.officers", "answers.procedure", "comment", "overall");
        assertThat(invalid.json().get("errors").get(0).get("message").asText())
                .isEqualTo("Hãy chọn một mức từ 1 đến 5 cho nội dung Tiếp cận dịch vụ.");
        assertThat(invalid.json().get("errors").get(3).get("message").asText())
                .isEqualTo("Ý kiến góp ý tối đa 2000 ký tự.");

        Api.Response noAnswers = citizen.post(PATH + invitation.token(), Map.of("overall", 3));
        assertThat(noAnswers.status()).isEqualTo(400);
        assertThat(noAnswers.json().get("errors").get(0).get("field").asText()).isEqualTo("answers");

        Api.Response notANumber = citizen.post(PATH + invitation.token(),
                "{\"answers\":{\"access\":\"rất tốt\"},\"overall\":3}");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("errors").get(0).get("field").asText()).isEqualTo("answers.access");

        // nothing was stored: the survey still takes its answer
        assertThat(citizen.get(PATH + invitation.token()).json().get("status").asText()).isEqualTo("OPEN");
        assertThat(citizen.post(PATH + invitation.token(), answer(3, 3, 3, 3, 3, 3, "x".repeat(2000))).status())
                .isEqualTo(201);
    }

    @Test
    void unknownLinksAre404() {
        for (String token : List.of("A".repeat(43), "khong-co", "A".repeat(44))) {
            Api.Response unknown = citizen.get(PATH + token);
            assertThat(unknown.status()).as(token).isEqualTo(404);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
            assertThat(unknown.json().get("detail").asText()).contains("Không tìm thấy phiếu khảo sát");
            assertThat(citizen.post(PATH + token, answer(5, 5, 5, 5, 5, 5, null)).status()).isEqualTo(404);
        }
    }

    @Test
    void remindersGiveTheSameLinkUntilTheLinkExpiresAndThen410() {
        String code = dossiers.returned();
        Invitation invitation = surveys.invite(code);

        clock("2025-06-12T09:00+07:00");
        Invitation reminder = surveys.reminder(code).orElseThrow();
        assertThat(reminder.link()).isEqualTo(invitation.link());
        Survey survey = repository.findByDossierCode(code).orElseThrow();
        assertThat(survey.getRemindedAt()).isEqualTo(at("2025-06-12T09:00+07:00"));
        assertThat(survey.getReminders()).isEqualTo(1);

        // one second before the expiry the link still works; at the expiry it is gone, timer or not
        clock("2025-06-23T08:59:59+07:00");
        assertThat(citizen.get(PATH + invitation.token()).status()).isEqualTo(200);
        clock("2025-06-23T09:00+07:00");
        Api.Response gone = citizen.get(PATH + invitation.token());
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(gone.json().get("detail").asText()).isEqualTo("Phiếu khảo sát đã hết hạn trả lời.");
        assertThat(gone.json().get("expiresAt").asText()).isEqualTo("2025-06-23T09:00:00+07:00");
        assertThat(citizen.post(PATH + invitation.token(), answer(5, 5, 5, 5, 5, 5, null)).status()).isEqualTo(410);
        assertThat(surveys.reminder(code)).isEmpty();

        surveys.expire(code);
        assertThat(repository.findByDossierCode(code).orElseThrow().getExpiredAt()).isEqualTo(at("2025-06-23T09:00+07:00"));
        // expired by the engine, the link stays gone even if the clock went back
        clock(MONDAY_9);
        assertThat(citizen.get(PATH + invitation.token()).status()).isEqualTo(410);
        assertThat(surveys.answered(code)).isFalse();
    }

    @Test
    void aComplaintFollowsOnlyALowScoreAndOnlyOnce() {
        String code = dossiers.returned();
        Invitation invitation = surveys.invite(code);
        String complaint = PATH + invitation.token() + "/complaint";

        // not before an answer
        assertThat(citizen.post(complaint, Map.of("text", "Chậm trễ")).status()).isEqualTo(409);

        Api.Response low = citizen.post(PATH + invitation.token(), answer(4, 4, 2, 4, 4, 3, null));
        assertThat(low.status()).isEqualTo(201);
        assertThat(low.json().get("complaintOffered").asBoolean()).isTrue();
        assertThat(citizen.get(PATH + invitation.token()).json().get("complaint").get("offered").asBoolean()).isTrue();

        Api.Response blank = citizen.post(complaint, Map.of("text", "   "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("field").asText()).isEqualTo("text");
        assertThat(blank.json().get("errors").get(0).get("message").asText()).isEqualTo("Hãy ghi nội dung phản ánh.");
        assertThat(citizen.post(complaint, Map.of("text", "x".repeat(2001))).status()).isEqualTo(400);

        Api.Response filed = citizen.post(complaint, Map.of("text", "Cán bộ hẹn nhiều lần mà không trả lời."));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("message").asText()).contains("đã chuyển đến lãnh đạo đơn vị");
        JsonNode after = citizen.get(PATH + invitation.token()).json().get("complaint");
        assertThat(after.get("offered").asBoolean()).isFalse();
        assertThat(after.get("filed").asBoolean()).isTrue();

        Api.Response twice = citizen.post(complaint, Map.of("text", "Lần nữa"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asText()).isEqualTo("Ông/Bà đã gửi phản ánh cho phiếu khảo sát này.");
    }

    @Test
    void aComplaintPublishesComplaintFiledForTheUnit() {
        String code = dossiers.returned();
        Invitation invitation = surveys.invite(code);
        responses.answer(invitation.token(), new AnswerRequest(new AnswerRequest.Answers(1, 3, 3, 3, 3), 3, null));
        responses.complain(invitation.token(), "  Phải đi lại ba lần.  ");
        assertThat(events.stream(ComplaintFiled.class)).containsExactly(
                new ComplaintFiled(code, invitation.surveyId(), ClosedDossiers.UNIT, "Phải đi lại ba lần."));
    }

    @Test
    void ofTwoConcurrentAnswersOnlyOneIsTaken() throws Exception {
        Invitation invitation = surveys.invite(dossiers.returned());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int score = i + 1;
                Callable<Integer> post = () -> {
                    start.await();
                    return citizen.post(PATH + invitation.token(), answer(score, score, score, score, score, score, null))
                            .status();
                };
                posts.add(pool.submit(post));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : posts) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDossierViewTellsWhetherTheSurveyWasAnsweredButNotTheAnswers() {
        String code = dossiers.returned();
        Invitation invitation = surveys.invite(code);
        citizen.post(PATH + invitation.token(), answer(5, 5, 5, 5, 5, 2, "Bí mật"));
        JsonNode survey = citizen.as("demo", "demo").get("/api/dossiers/" + code).json().get("survey");
        assertThat(survey.get("status").asText()).isEqualTo("ANSWERED");
        assertThat(survey.get("invitedAt").asText()).isEqualTo("2025-06-09T09:00:00+07:00");
        assertThat(survey.get("complaint").asBoolean()).isFalse();
        assertThat(survey.toString()).doesNotContain("Bí mật");
    }

    static Map<String, Object> answer(int access, int procedure, int officers, int result, int feedback, int overall,
            String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", Map.of("access", access, "procedure", procedure, "officers", officers, "result", result,
                "feedback", feedback));
        body.put("overall", overall);
        if (comment != null) {
            body.put("comment", comment);
        }
        return body;
    }
}
