package vn.motcua.survey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the citizen writes to the unit's leaders after a low score. */
record ComplaintRequest(
        @NotBlank(message = "{survey.complaint.required}")
        @Size(max = AnswerRequest.MAX_TEXT, message = "{survey.complaint.size}") String text) {
}
