package vn.motcua.survey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import vn.motcua.text.PlainText;

/** What the citizen writes to the unit's leaders after a low score. */
record ComplaintRequest(
        @NotBlank(message = "{survey.complaint.required}")
        @Size(max = AnswerRequest.MAX_TEXT, message = "{survey.complaint.size}") @PlainText(multiline = true) String text) {
}
