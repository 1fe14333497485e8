package vn.motcua.counter;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.ReturnMethod;
import vn.motcua.text.PlainText;

/**
 * A dossier received at the counter from Tasklist: the staff intake ({@link IntakeRequest}, whose applicant it shares
 * with its validation and Vietnamese messages) without the channel, which is always the counter, plus the papers the
 * officer ticked off the procedure's checklist and the counter's decision.
 *
 * @param receivedPapers the positions (from 0) of the procedure's required documents the citizen handed in
 * @param decision       APPROVE: complete, received on the spot (Form 01); SUPPLEMENT: incomplete (Form 02 lists
 *                       the papers not ticked); REFUSE: out of scope (Form 03, {@code note} gives the reasons)
 * @param note           the officer's note: what else is missing, or the reasons for a refusal
 * @param returnMethod   how the citizen wants the result (Form 01); at the counter when not given
 * @param sets           how many sets of papers were handed in (Form 01), 1 when not given
 */
record CounterIntakeRequest(
        @NotBlank(message = "{intake.procedureCode.required}") @PlainText String procedureCode,
        @NotNull(message = "{intake.applicant.required}") @Valid IntakeRequest.ApplicantData applicant,
        @PlainText(multiline = true) Map<String, Object> formData,
        @NotNull(message = "{counter.receivedPapers.required}") List<@NotNull Integer> receivedPapers,
        @NotNull(message = "{counter.decision.required}") Decision decision,
        @Size(max = 2000, message = "{counter.note.size}") @PlainText(multiline = true) String note,
        ReturnMethod returnMethod,
        @Min(value = 1, message = "{intake.sets.range}") @Max(value = 99, message = "{intake.sets.range}") Integer sets) {

    /** The counter's decision, with the reception check's own words. */
    enum Decision {
        APPROVE, SUPPLEMENT, REFUSE
    }
}
