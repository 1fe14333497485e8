package vn.motcua.online;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import vn.motcua.dossier.Channel;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.ReturnMethod;

import vn.motcua.text.PlainText;

/**
 * A dossier filed online: the staff intake's shape without {@code channel}, which is always ONLINE, and
 * without the number of sets (the counter counts the papers). Messages come from {@code ValidationMessages}.
 *
 * @param returnMethod how the citizen wants the result; at the counter when not given
 */
public record OnlineFilingRequest(
        @NotBlank(message = "{intake.procedureCode.required}") @PlainText String procedureCode,
        @NotNull(message = "{intake.applicant.required}") @Valid IntakeRequest.ApplicantData applicant,
        @PlainText(multiline = true) Map<String, Object> formData,
        ReturnMethod returnMethod) {

    public OnlineFilingRequest(String procedureCode, IntakeRequest.ApplicantData applicant, Map<String, Object> formData) {
        this(procedureCode, applicant, formData, null);
    }

    IntakeRequest toIntake() {
        return new IntakeRequest(procedureCode, Channel.ONLINE, applicant, formData, returnMethod, null);
    }
}
