package vn.motcua.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import vn.motcua.MotcuaApplication;

/** Outside the demo profile the survey links need a real secret: start-up fails without one. */
class SurveySecretTest {

    final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void startUpFailsWithoutASurveySecretOutsideTheDemoProfile() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(MotcuaApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("production-like")
                .run("--spring.datasource.url=jdbc:h2:mem:nosurveysecret;DB_CLOSE_DELAY=-1",
                        "--camunda.bpm.process-engine-name=nosurveysecret", "--camunda.bpm.job-execution.enabled=false",
                        "--motcua.admin.password=an-admin-password", "--motcua.survey.secret="))
                .satisfies(e -> assertThat(rootMessages(e)).contains("motcua.survey.secret"));
    }

    @Test
    void aSecretNeedsAtLeast32Characters() {
        assertThat(validator.validate(new SurveyProperties("too-short-a-secret", 3, 14, 2)))
                .extracting(ConstraintViolation::getMessage).containsExactly(SurveyProperties.SECRET_MESSAGE);
        assertThat(validator.validate(new SurveyProperties("x".repeat(32), 3, 14, 2))).isEmpty();
    }

    @Test
    void theSecretNeverShowsInLogs() {
        assertThat(new SurveyProperties("x".repeat(32), 3, 14, 2).toString()).doesNotContain("xxxx");
    }

    @Test
    void remindersComeBeforeTheExpiry() {
        assertThatThrownBy(() -> new SurveyProperties("x".repeat(32), 14, 14, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String rootMessages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
