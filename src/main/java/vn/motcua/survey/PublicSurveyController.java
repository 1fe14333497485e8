package vn.motcua.survey;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.calendar.WorkingCalendar;

/**
 * The citizen's survey API, without login: the link's token is the only key. An answered survey
 * still reads (status {@code ANSWERED}); answering it again is 409. Unknown links are 404, expired
 * ones 410.
 */
@RestController
@RequestMapping("/api/public/surveys/{token}")
class PublicSurveyController {

    private final SurveyResponses responses;
    private final SurveyQuestions questions;
    private final SurveyProperties properties;
    private final WorkingCalendar calendar;

    PublicSurveyController(SurveyResponses responses, SurveyQuestions questions, SurveyProperties properties,
            WorkingCalendar calendar) {
        this.responses = responses;
        this.questions = questions;
        this.properties = properties;
        this.calendar = calendar;
    }

    @GetMapping
    SurveyJson get(@PathVariable String token) {
        SurveyResponses.SurveyView view = responses.view(token);
        return new SurveyJson(view.dossierCode(), view.procedureName(), view.unitName(), view.applicantName(),
                view.status(), view.expiresAt().atZone(calendar.zone()).toOffsetDateTime(), questions.elements(),
                questions.overall(), questions.scale(), AnswerRequest.MAX_TEXT, properties.lowScore(),
                new ComplaintJson(view.complaintOffered(), view.complaintFiled()));
    }

    @PostMapping
    ResponseEntity<AnsweredJson> answer(@PathVariable String token, @Valid @RequestBody AnswerRequest answer) {
        boolean complaintOffered = responses.answer(token, answer);
        return ResponseEntity.created(URI.create("/api/public/surveys/" + token))
                .body(new AnsweredJson(SurveyResponses.Status.ANSWERED, complaintOffered));
    }

    @PostMapping("/complaint")
    ResponseEntity<ComplaintFiledJson> complain(@PathVariable String token,
            @Valid @RequestBody ComplaintRequest complaint) {
        responses.complain(token, complaint.text());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new ComplaintFiledJson("FILED", questions.text("survey.complaint.sent")));
    }

    /**
     * The survey as the page needs it.
     *
     * @param lowScore  answers at or below it offer a complaint
     * @param complaint whether a complaint is offered now (answered with a low score, none filed) and filed
     */
    record SurveyJson(String dossierCode, String procedureName, String unitName, String applicantName,
            SurveyResponses.Status status, OffsetDateTime expiresAt, List<SurveyQuestions.Question> elements,
            SurveyQuestions.Question overall, List<SurveyQuestions.Point> scale, int commentMaxLength, int lowScore,
            ComplaintJson complaint) {
    }

    record ComplaintJson(boolean offered, boolean filed) {
    }

    record AnsweredJson(SurveyResponses.Status status, boolean complaintOffered) {
    }

    record ComplaintFiledJson(String status, String message) {
    }
}
