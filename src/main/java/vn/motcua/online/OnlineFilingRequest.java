package vn.motcua.online;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import vn.motcua.dossier.Channel;
import vn.motcua.dossier.IntakeRequest;

import vn.motcua.text.PlainText;

/**
 * A dossier filed online: the staff intake's shape without {@code channel}, which is always ONLINE.
 * Messages come from {@code ValidationMessages}.
 */
public record OnlineFilingRequest(
        @NotBlank(message = "{intake.procedureCode.required}") @PlainText String procedureCode,
        @NotNull(message = "{intake.applicant.required}") @Valid IntakeRequest.ApplicantData applicant,
        @PlainText(multiline = true) Map<String, Object> formData) {

    IntakeRequest toIntake() {
        return new IntakeRequest(procedureCode, Channel.ONLINE, applicant, formData);
    }
}
