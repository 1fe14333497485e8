package vn.motcua.survey;

import java.util.stream.IntStream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.motcua.text.PlainText;

/**
 * A citizen's answer: the five SIPAS elements and the overall rating on the 5-point scale (1 very
 * dissatisfied … 5 very satisfied), and an optional comment. Messages come from {@code ValidationMessages}.
 */
record AnswerRequest(
        @NotNull(message = "{survey.answers.required}") @Valid Answers answers,
        @NotNull(message = "{survey.overall.range}") @Min(value = 1, message = "{survey.overall.range}")
        @Max(value = 5, message = "{survey.overall.range}") Integer overall,
        @Size(max = MAX_TEXT, message = "{survey.comment.size}") @PlainText(multiline = true) String comment) {

    static final int MAX_TEXT = 2000;

    /** The scores of the five elements (see {@link SipasElement}). */
    record Answers(
            @NotNull(message = "{survey.access.range}") @Min(value = 1, message = "{survey.access.range}")
            @Max(value = 5, message = "{survey.access.range}") Integer access,
            @NotNull(message = "{survey.procedure.range}") @Min(value = 1, message = "{survey.procedure.range}")
            @Max(value = 5, message = "{survey.procedure.range}") Integer procedure,
            @NotNull(message = "{survey.officers.range}") @Min(value = 1, message = "{survey.officers.range}")
            @Max(value = 5, message = "{survey.officers.range}") Integer officers,
            @NotNull(message = "{survey.result.range}") @Min(value = 1, message = "{survey.result.range}")
            @Max(value = 5, message = "{survey.result.range}") Integer result,
            @NotNull(message = "{survey.feedback.range}") @Min(value = 1, message = "{survey.feedback.range}")
            @Max(value = 5, message = "{survey.feedback.range}") Integer feedback) {
    }

    /** The lowest score given (valid answers only). */
    int lowest() {
        return IntStream.of(answers.access(), answers.procedure(), answers.officers(), answers.result(),
                answers.feedback(), overall).min().orElseThrow();
    }
}
