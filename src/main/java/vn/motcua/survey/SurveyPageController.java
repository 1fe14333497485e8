package vn.motcua.survey;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerMapping;

import vn.motcua.mail.MailTemplates;

/**
 * The citizen's survey page, server-rendered from {@code templates/pages/survey.html.vm}: plain HTML
 * forms that work without JavaScript, on a phone as on a desktop. The form posts back here; a stored
 * answer redirects to the thank-you page (post/redirect/get), which offers a complaint after a low
 * score. The same rules as the API apply ({@link SurveyResponses}, {@link AnswerRequest}).
 *
 * <ul>
 * <li>{@code GET /khao-sat/{token}}: the form; "already answered" once answered; 410 page when expired, 404 when unknown</li>
 * <li>{@code POST /khao-sat/{token}}: the answer; 400 with the form and its errors, 409 when answered before</li>
 * <li>{@code GET /khao-sat/{token}/cam-on}: thank you (and the complaint form after a low score)</li>
 * <li>{@code POST /khao-sat/{token}/phan-anh}: the complaint; then {@code GET …/da-gui-phan-anh}, the confirmation</li>
 * </ul>
 */
@Controller
@RequestMapping(SurveyTokens.PATH + "{token}")
class SurveyPageController {

    static final String TEMPLATE = "pages/survey.html.vm";
    private static final Logger log = LoggerFactory.getLogger(SurveyPageController.class);
    private static final String THANKS = "/cam-on";
    private static final String COMPLAINT = "/phan-anh";
    private static final String COMPLAINT_SENT = "/da-gui-phan-anh";

    private final SurveyResponses responses;
    private final SurveyQuestions questions;
    private final MailTemplates templates;
    private final Validator validator;

    SurveyPageController(SurveyResponses responses, SurveyQuestions questions, MailTemplates templates,
            Validator validator) {
        this.responses = responses;
        this.questions = questions;
        this.templates = templates;
        this.validator = validator;
    }

    @GetMapping
    ResponseEntity<String> page(@PathVariable String token) {
        SurveyResponses.SurveyView view = responses.view(token);
        if (view.status() == SurveyResponses.Status.ANSWERED) {
            return answered(token, view, HttpStatus.OK, false);
        }
        return form(token, view, HttpStatus.OK, Map.of(), "", Map.of());
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> answer(@PathVariable String token, @RequestParam MultiValueMap<String, String> form) {
        SurveyResponses.SurveyView view = responses.view(token);
        if (view.status() == SurveyResponses.Status.ANSWERED) {
            return answered(token, view, HttpStatus.CONFLICT, false);
        }
        Map<String, Integer> scores = new HashMap<>();
        for (String field : fields()) {
            scores.put(field, score(form.getFirst(field)));
        }
        String comment = text(form.getFirst("comment"));
        AnswerRequest answer = new AnswerRequest(new AnswerRequest.Answers(scores.get("access"),
                scores.get("procedure"), scores.get("officers"), scores.get("result"), scores.get("feedback")),
                scores.get(SurveyQuestions.OVERALL), comment.isBlank() ? null : comment);
        Map<String, String> errors = errors(validator.validate(answer));
        if (!errors.isEmpty()) {
            return form(token, view, HttpStatus.BAD_REQUEST, scores, comment, errors);
        }
        try {
            responses.answer(token, answer);
        } catch (SurveyProblem e) {
            if (e.kind() != SurveyProblem.Kind.ANSWERED) {
                throw e;
            }
            return answered(token, responses.view(token), HttpStatus.CONFLICT, false);
        }
        return seeOther(token, THANKS);
    }

    @GetMapping(THANKS)
    ResponseEntity<String> thanks(@PathVariable String token) {
        SurveyResponses.SurveyView view = responses.view(token);
        if (view.status() != SurveyResponses.Status.ANSWERED) {
            return seeOther(token, "");
        }
        return answered(token, view, HttpStatus.OK, true);
    }

    @PostMapping(path = COMPLAINT, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> complain(@PathVariable String token, @RequestParam(required = false) String text) {
        String complaint = text(text);
        Map<String, String> errors = errors(validator.validate(new ComplaintRequest(complaint)));
        if (!errors.isEmpty()) {
            SurveyResponses.SurveyView view = responses.view(token);
            if (!view.complaintOffered()) {
                return seeOther(token, "");
            }
            Map<String, Object> model = answeredModel(token, view, true);
            model.put("complaintText", complaint);
            model.put("complaintError", errors.values().iterator().next());
            return render(HttpStatus.BAD_REQUEST, model);
        }
        responses.complain(token, complaint);
        return seeOther(token, COMPLAINT_SENT);
    }

    @GetMapping(COMPLAINT_SENT)
    ResponseEntity<String> complaintSent(@PathVariable String token) {
        SurveyResponses.SurveyView view = responses.view(token);
        if (!view.complaintFiled()) {
            return seeOther(token, "");
        }
        Map<String, Object> model = model("complaint-sent", token, view);
        model.put("sentMessage", questions.text("survey.complaint.sent"));
        return render(HttpStatus.OK, model);
    }

    /** Unknown and expired links, and complaints that are not (or no longer) possible, as pages. */
    @ExceptionHandler(SurveyProblem.class)
    ResponseEntity<String> problem(SurveyProblem problem, HttpServletRequest request) {
        String token = pathToken(request);
        Map<String, Object> model = switch (problem.kind()) {
            case NOT_FOUND -> model("unknown", null, null);
            case EXPIRED -> {
                Map<String, Object> expired = model("expired", null, null);
                expired.put("expiresAt", problem.expiresAt());
                yield expired;
            }
            default -> {
                Map<String, Object> notice = model("notice", token, null);
                notice.put("notice", questions.text(problem.getDetailMessageCode()));
                yield notice;
            }
        };
        return render(HttpStatus.valueOf(problem.getStatusCode().value()), model);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return render(HttpStatus.valueOf(response.getStatusCode().value()), model("error", null, null));
        }
        log.error("Survey page failed", e);
        return render(HttpStatus.INTERNAL_SERVER_ERROR, model("error", null, null));
    }

    private static String pathToken(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map && map.get("token") instanceof String token
                && SurveyTokens.wellFormed(token) ? token : null;
    }

    private ResponseEntity<String> form(String token, SurveyResponses.SurveyView view, HttpStatus status,
            Map<String, Integer> scores, String comment, Map<String, String> errors) {
        Map<String, Object> model = model("form", token, view);
        List<Map<String, Object>> elements = new ArrayList<>();
        for (SurveyQuestions.Question q : questions.elements()) {
            elements.add(question(q, scores, errors));
        }
        model.put("elements", elements);
        model.put("overall", question(questions.overall(), scores, errors));
        model.put("scale", questions.scale().stream().map(p -> Map.of("value", p.value(), "label", p.label())).toList());
        model.put("comment", comment);
        model.put("commentError", errors.get("comment"));
        model.put("commentMax", AnswerRequest.MAX_TEXT);
        List<Map<String, String>> summary = new ArrayList<>();
        errors.forEach((field, message) -> summary.add(Map.of("anchor", "comment".equals(field) ? "comment" : field + "-1",
                "message", message)));
        model.put("errors", summary);
        return render(status, model);
    }

    private static Map<String, Object> question(SurveyQuestions.Question q, Map<String, Integer> scores,
            Map<String, String> errors) {
        Map<String, Object> view = new HashMap<>();
        view.put("key", q.key());
        view.put("label", q.label());
        view.put("question", q.question());
        Integer selected = scores.get(q.key());
        view.put("selected", selected == null ? 0 : selected);
        view.put("error", errors.get(q.key()));
        return view;
    }

    private ResponseEntity<String> answered(String token, SurveyResponses.SurveyView view, HttpStatus status,
            boolean justAnswered) {
        return render(status, answeredModel(token, view, justAnswered));
    }

    private Map<String, Object> answeredModel(String token, SurveyResponses.SurveyView view, boolean justAnswered) {
        Map<String, Object> model = model("answered", token, view);
        model.put("justAnswered", justAnswered);
        model.put("complaintOffered", view.complaintOffered());
        model.put("complaintFiled", view.complaintFiled());
        model.put("complaintText", "");
        model.put("complaintError", null);
        model.put("complaintMax", AnswerRequest.MAX_TEXT);
        model.put("sentMessage", questions.text("survey.complaint.sent"));
        return model;
    }

    /** The variables every state has (strict templates need them present, null allowed). */
    private static Map<String, Object> model(String state, String token, SurveyResponses.SurveyView view) {
        Map<String, Object> model = new HashMap<>();
        model.put("state", state);
        model.put("token", token);
        if (view == null) {
            model.put("survey", null);
        } else {
            Map<String, Object> survey = new LinkedHashMap<>();
            survey.put("dossierCode", view.dossierCode());
            survey.put("procedureName", view.procedureName());
            survey.put("unitName", view.unitName());
            survey.put("applicantName", view.applicantName());
            survey.put("expiresAt", view.expiresAt());
            model.put("survey", survey);
        }
        return model;
    }

    private ResponseEntity<String> render(HttpStatus status, Map<String, Object> model) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                // the link's token is in the address: never pass it on to other sites, never index it
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .body(templates.render(TEMPLATE, model));
    }

    private static ResponseEntity<String> seeOther(String token, String suffix) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(SurveyTokens.PATH + token + suffix))
                .header("Referrer-Policy", "no-referrer").build();
    }

    /** The form's fields in page order: the five elements, then the overall rating. */
    private static List<String> fields() {
        List<String> fields = new ArrayList<>();
        for (SipasElement e : SipasElement.values()) {
            fields.add(e.key());
        }
        fields.add(SurveyQuestions.OVERALL);
        return fields;
    }

    /** A score as the form sent it: a small whole number, else missing. */
    private static Integer score(String value) {
        return value != null && value.matches("\\d{1,2}") ? Integer.valueOf(value) : null;
    }

    /** Form text with the browser's CRLF line breaks counted as one character, as the API counts them. */
    private static String text(String value) {
        return value == null ? "" : value.replace("\r\n", "\n");
    }

    /** One message per field, keyed by the form's field names, in page order. */
    private static Map<String, String> errors(Set<? extends ConstraintViolation<?>> violations) {
        Map<String, String> byField = new HashMap<>();
        for (ConstraintViolation<?> v : violations) {
            String path = v.getPropertyPath().toString();
            String field = path.startsWith("answers.") ? path.substring("answers.".length())
                    : "answers".equals(path) ? "access" : path;
            byField.merge(field, v.getMessage(), (a, b) -> a);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(fields());
        order.add("comment");
        order.add("text");
        order.forEach(f -> {
            if (byField.containsKey(f)) {
                ordered.put(f, byField.get(f));
            }
        });
        return ordered;
    }
}
