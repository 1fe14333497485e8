package vn.motcua.dossier;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.motcua.text.PlainText;

/**
 * A dossier filed at the counter (staff intake). Messages come from {@code ValidationMessages}. Staff may not
 * record a dossier as filed online ({@link FiledAtCounter}): the online channel builds its own request.
 *
 * @param returnMethod how the citizen wants the result (Form 01); at the counter when not given
 * @param sets         how many sets of papers were handed in, 1 when not given
 */
public record IntakeRequest(
        @NotBlank(message = "{intake.procedureCode.required}") @PlainText String procedureCode,
        @NotNull(message = "{intake.channel.required}") @FiledAtCounter Channel channel,
        @NotNull(message = "{intake.applicant.required}") @Valid ApplicantData applicant,
        @PlainText(multiline = true) Map<String, Object> formData,
        ReturnMethod returnMethod,
        @Min(value = 1, message = "{intake.sets.range}") @Max(value = 99, message = "{intake.sets.range}") Integer sets) {

    public IntakeRequest(String procedureCode, Channel channel, ApplicantData applicant, Map<String, Object> formData) {
        this(procedureCode, channel, applicant, formData, null, null);
    }

    public record ApplicantData(
            @NotBlank(message = "{intake.fullName.required}")
            @Size(max = 200, message = "{intake.fullName.size}") @PlainText String fullName,
            @NotBlank(message = "{intake.idNumber.required}")
            @Pattern(regexp = "\\d{12}|\\d{9}", message = "{intake.idNumber.pattern}") @PlainText String idNumber,
            @NotBlank(message = "{intake.phone.required}")
            @Pattern(regexp = "(\\+84|0)\\d{9,10}", message = "{intake.phone.pattern}") @PlainText String phone,
            @Email(regexp = ".+@.+\\..+", message = "{intake.email.pattern}")
            @Size(max = 254, message = "{intake.email.pattern}") @PlainText String email,
            @NotBlank(message = "{intake.address.required}")
            @Size(max = 500, message = "{intake.address.size}") @PlainText(multiline = true) String address) {

        Applicant toApplicant() {
            return new Applicant(fullName.strip(), idNumber, phone, email == null || email.isBlank() ? null : email.strip(),
                    address.strip());
        }
    }
}
