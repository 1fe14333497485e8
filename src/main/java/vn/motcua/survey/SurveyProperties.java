package vn.motcua.survey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The satisfaction survey (SIPAS). Outside the demo profile the secret must come from configuration
 * ({@code MOTCUA_SURVEY_SECRET}); start-up fails without one of at least 32 characters. Changing it
 * invalidates every survey link sent so far.
 *
 * @param secret          the HMAC key that turns a survey's stored nonce into its link token
 * @param remindAfterDays calendar days after the invitation when an unanswered survey is reminded
 * @param expireAfterDays calendar days after the invitation when the link expires
 * @param lowScore        an answer (any element or overall) at or below this offers the citizen a complaint
 */
@Validated
@ConfigurationProperties("motcua.survey")
public record SurveyProperties(
        @NotBlank(message = SECRET_MESSAGE) @Size(min = 32, message = SECRET_MESSAGE) String secret,
        @DefaultValue("3") @Min(1) int remindAfterDays,
        @DefaultValue("14") @Min(1) int expireAfterDays,
        @DefaultValue("2") @Min(1) @Max(4) int lowScore) {

    static final String SECRET_MESSAGE =
            "set motcua.survey.secret (environment variable MOTCUA_SURVEY_SECRET) to at least 32 characters";

    public SurveyProperties {
        if (remindAfterDays >= expireAfterDays) {
            throw new IllegalArgumentException("motcua.survey: remind-after-days must be less than expire-after-days");
        }
    }

    @Override
    public String toString() {
        return "SurveyProperties[remindAfterDays=" + remindAfterDays + ", expireAfterDays=" + expireAfterDays
                + ", lowScore=" + lowScore + "]";
    }
}
