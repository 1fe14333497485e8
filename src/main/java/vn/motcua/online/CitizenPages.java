package vn.motcua.online;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.ReturnMethod;
import vn.motcua.idempotency.IdempotentRequests;

/**
 * The citizens' pages, server-rendered and usable without script: the catalog at {@code /}, the
 * filing form of each procedure filed online, the look-up at {@code /tra-cuu} with the supplement
 * upload and the result download. They call the same use cases as the public API.
 */
@Controller
class CitizenPages {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final List<String> APPLICANT_FIELDS = List.of("fullName", "idNumber", "phone", "email", "address");

    private final Catalog catalog;
    private final OnlineFilings filings;
    private final Attachments attachments;
    private final Pages pages;
    private final Validator validator;
    private final MessageSource messages;
    private final IdempotentRequests idempotency;

    CitizenPages(Catalog catalog, OnlineFilings filings, Attachments attachments, Pages pages, Validator validator,
            MessageSource messages, IdempotentRequests idempotency) {
        this.idempotency = idempotency;
        this.catalog = catalog;
        this.filings = filings;
        this.attachments = attachments;
        this.pages = pages;
        this.validator = validator;
        this.messages = messages;
    }

    /**
     * The fields of the filing form, as typed, and the form's submission key: a random key the page carries in a
     * hidden field and sends as the filing's Idempotency-Key, so that a second click, or the browser sending the
     * form again after a lost answer, answers the first dossier instead of filing a second one.
     */
    record FilingForm(String fullName, String idNumber, String phone, String email, String address, String request,
            String returnMethod, String submission) {

        Map<String, String> values() {
            Map<String, String> values = new HashMap<>();
            values.put("fullName", nonNull(fullName));
            values.put("idNumber", nonNull(idNumber));
            values.put("phone", nonNull(phone));
            values.put("email", nonNull(email));
            values.put("address", nonNull(address));
            values.put("request", nonNull(request));
            values.put("returnMethod", nonNull(returnMethod));
            values.put("submission", IdempotentRequests.isKey(submission) ? submission : newSubmission());
            return values;
        }

        OnlineFilingRequest toRequest(String procedureCode) {
            Map<String, Object> formData = request == null || request.isBlank() ? Map.of()
                    : Map.of("request", request.strip());
            return new OnlineFilingRequest(procedureCode, new IntakeRequest.ApplicantData(trim(fullName), trim(idNumber),
                    trim(phone), trim(email), trim(address)), formData, chosenReturnMethod());
        }

        /** The chosen way of getting the result; at the counter when none (or an unknown one) is sent. */
        private ReturnMethod chosenReturnMethod() {
            return Arrays.stream(ReturnMethod.values()).filter(m -> m.name().equals(returnMethod)).findFirst()
                    .orElse(ReturnMethod.COUNTER);
        }
    }

    /**
     * The catalog, searchable without script: {@code q} (words of the name or the code, with or without
     * diacritics), {@code linh-vuc} (sector), {@code don-vi} (receiving unit), {@code cap} (TINH or XA), 20
     * procedures a page, {@code trang} from 1. Filters that name nothing known are ignored.
     */
    @GetMapping("/")
    ResponseEntity<String> home(@RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "linh-vuc", required = false) String sector,
            @RequestParam(name = "don-vi", required = false) String unit,
            @RequestParam(name = "cap", required = false) String level,
            @RequestParam(name = "trang", required = false) String page) {
        CatalogSearchPage search = CatalogSearchPage.of(catalog, q, sector, unit, level, page);
        if (search.problem() != null) {
            return pages.render(HttpStatus.BAD_REQUEST, "home", search.model(messages.getMessage(search.problem(),
                    new Object[] {CatalogSearchPage.MAX_QUERY}, VI)));
        }
        return pages.ok("home", search.model(null));
    }

    @GetMapping("/nop-ho-so/{procedureCode}")
    ResponseEntity<String> filingForm(@PathVariable String procedureCode) {
        Procedure procedure = onlineProcedure(procedureCode);
        return filingPage(HttpStatus.OK, procedure, new FilingForm(null, null, null, null, null, null, null, null).values(), Map.of());
    }

    @PostMapping("/nop-ho-so/{procedureCode}")
    @RateLimited(RateLimited.Bucket.FILING)
    ResponseEntity<String> file(@PathVariable String procedureCode, @ModelAttribute FilingForm form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        Procedure procedure = onlineProcedure(procedureCode);
        OnlineFilingRequest request = form.toRequest(procedure.getCode());
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<OnlineFilingRequest> violation : validator.validate(request)) {
            String path = violation.getPropertyPath().toString();
            String field = path.substring(path.lastIndexOf('.') + 1);
            // the form's one free text goes into formData
            errors.putIfAbsent("formData".equals(field) ? "request" : field, violation.getMessage());
        }
        try {
            attachments.check(files, false);
        } catch (AttachmentRejected rejected) {
            errors.put("files", String.join(" ", rejected.errors().stream().map(AttachmentRejected.FileError::message).toList()));
        }
        if (!errors.isEmpty()) {
            return filingPage(HttpStatus.BAD_REQUEST, procedure, form.values(), ordered(errors));
        }
        String key = IdempotentRequests.isKey(form.submission()) ? form.submission() : null;
        try {
            ResponseEntity<?> answer = idempotency.once(key, "POST /nop-ho-so",
                    key == null ? null : idempotency.fingerprint(request, files), () -> {
                        // kept as created (a key keeps only a successful answer), answered as a redirect
                        CitizenView filed = filings.file(request, files);
                        return ResponseEntity.created(URI.create("/nop-ho-so/da-nop?ma=" + filed.code())).build();
                    });
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(answer.getHeaders().getLocation()).build();
        } catch (AttachmentRejected rejected) {
            errors.put("files", String.join(" ", rejected.errors().stream().map(AttachmentRejected.FileError::message).toList()));
            return filingPage(HttpStatus.BAD_REQUEST, procedure, form.values(), errors);
        } catch (ErrorResponseException refused) {
            if (!IdempotentRequests.isRefusal(refused)) {
                throw refused;
            }
            // the form's key was sent before with other content (the citizen went back and changed it), or that
            // first sending is still under way: say so on the form, with a new key for a deliberate new filing
            Map<String, String> values = form.values();
            values.put("submission", newSubmission());
            String problem = refused.getStatusCode().value() == HttpStatus.CONFLICT.value() ? "filing.submission.busy"
                    : "filing.submission.reused";
            return filingPage(HttpStatus.CONFLICT, procedure, values,
                    Map.of("submission", messages.getMessage(problem, null, VI)));
        }
    }

    @GetMapping("/nop-ho-so/da-nop")
    ResponseEntity<String> filed(@RequestParam(name = "ma", required = false) String code) {
        return pages.ok("filed", Map.of("code", nonNull(code)));
    }

    @GetMapping("/tra-cuu")
    ResponseEntity<String> lookupForm(@RequestParam(name = "ma", required = false) String ma,
            @RequestParam(name = "code", required = false) String code) {
        return lookupPage(HttpStatus.OK, ma != null ? ma : nonNull(code), Map.of(), null);
    }

    @PostMapping("/tra-cuu")
    @RateLimited(RateLimited.Bucket.LOOKUP)
    ResponseEntity<String> lookUp(@RequestParam(required = false) String code,
            @RequestParam(required = false) String idNumber) {
        Map<String, String> errors = lookupErrors(code, idNumber);
        if (!errors.isEmpty()) {
            return lookupPage(HttpStatus.BAD_REQUEST, nonNull(code), errors, null);
        }
        try {
            return dossierPage(HttpStatus.OK, filings.lookUp(code.strip(), idNumber.strip()), idNumber.strip(), null, null);
        } catch (ErrorResponseException notFound) {
            return lookupPage(HttpStatus.NOT_FOUND, code.strip(), Map.of(), message(notFound));
        }
    }

    @PostMapping("/tra-cuu/bo-sung")
    @RateLimited(RateLimited.Bucket.FILING)
    ResponseEntity<String> supplement(@RequestParam(required = false) String code,
            @RequestParam(required = false) String idNumber,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        Map<String, String> errors = lookupErrors(code, idNumber);
        if (!errors.isEmpty()) {
            return lookupPage(HttpStatus.BAD_REQUEST, nonNull(code), errors, null);
        }
        try {
            CitizenView view = filings.supplement(code.strip(), idNumber.strip(), files);
            return dossierPage(HttpStatus.OK, view, idNumber.strip(), true, null);
        } catch (AttachmentRejected rejected) {
            String message = String.join(" ", rejected.errors().stream().map(AttachmentRejected.FileError::message).toList());
            return dossierPage(rejected.getStatusCode(), filings.lookUp(code.strip(), idNumber.strip()), idNumber.strip(),
                    null, message);
        } catch (ErrorResponseException problem) {
            if (problem.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return lookupPage(HttpStatus.NOT_FOUND, code.strip(), Map.of(), message(problem));
            }
            return dossierPage(problem.getStatusCode(), filings.lookUp(code.strip(), idNumber.strip()), idNumber.strip(),
                    null, message(problem));
        }
    }

    @PostMapping("/tra-cuu/ket-qua")
    @RateLimited(RateLimited.Bucket.LOOKUP)
    ResponseEntity<?> result(@RequestParam(required = false) String code,
            @RequestParam(required = false) String idNumber) {
        Map<String, String> errors = lookupErrors(code, idNumber);
        if (!errors.isEmpty()) {
            return lookupPage(HttpStatus.BAD_REQUEST, nonNull(code), errors, null);
        }
        try {
            Attachment result = filings.result(code.strip(), idNumber.strip());
            ResponseEntity<Resource> download = Downloads.of(result, attachments.open(result));
            return download;
        } catch (ErrorResponseException problem) {
            return lookupPage(HttpStatus.NOT_FOUND, code.strip(), Map.of(), message(problem));
        }
    }

    private Procedure onlineProcedure(String procedureCode) {
        Procedure procedure = catalog.procedure(procedureCode).orElseThrow(() -> new ErrorResponseException(
                HttpStatus.NOT_FOUND, org.springframework.http.ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null,
                "catalog.procedure.notFound", new Object[] {procedureCode}));
        if (!procedure.isOnline()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    org.springframework.http.ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null,
                    "online.procedure.notOnline", new Object[] {procedureCode});
        }
        return procedure;
    }

    private static String newSubmission() {
        return UUID.randomUUID().toString();
    }

    private ResponseEntity<String> filingPage(HttpStatus status, Procedure procedure, Map<String, String> values,
            Map<String, String> errors) {
        return pages.render(status, "filing", Map.of("procedure", procedure, "values", values, "errors", errors,
                "errorFields", new ArrayList<>(errors.keySet())));
    }

    private ResponseEntity<String> lookupPage(HttpStatus status, String code, Map<String, String> errors, String notice) {
        Map<String, Object> model = new HashMap<>();
        model.put("code", code);
        model.put("errors", errors);
        model.put("errorFields", new ArrayList<>(errors.keySet()));
        model.put("notice", notice);
        return pages.render(status, "lookup", model);
    }

    private ResponseEntity<String> dossierPage(org.springframework.http.HttpStatusCode status, CitizenView view,
            String idNumber, Boolean supplementSent, String problem) {
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("idNumber", idNumber);
        model.put("supplementSent", supplementSent);
        model.put("problem", problem);
        return pages.render(status, "dossier", model);
    }

    private Map<String, String> lookupErrors(String code, String idNumber) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (code == null || code.isBlank()) {
            errors.put("code", messages.getMessage("online.lookup.code.required", null, VI));
        }
        if (idNumber == null || idNumber.isBlank()) {
            errors.put("idNumber", messages.getMessage("online.lookup.idNumber.required", null, VI));
        }
        return errors;
    }

    /** Errors in the order of the form's fields, so the summary reads like the form. */
    private static Map<String, String> ordered(Map<String, String> errors) {
        List<String> order = new ArrayList<>(APPLICANT_FIELDS);
        order.add("request");
        order.add("files");
        Map<String, String> sorted = new LinkedHashMap<>();
        errors.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> order.indexOf(e.getKey()) < 0 ? 99 : order.indexOf(e.getKey())))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private String message(ErrorResponseException problem) {
        return problem.updateAndGetBody(messages, VI).getDetail();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
