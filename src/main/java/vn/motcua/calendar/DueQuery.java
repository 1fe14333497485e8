package vn.motcua.calendar;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The query of the due-date API: a start and exactly one of working days (8 working hours each) or
 * working hours, with an optional afternoon cut-off. Messages come from {@code ValidationMessages};
 * values that do not parse get the {@code typeMismatch.dueQuery.*} messages of {@code messages}.
 */
@DueQuery.OneAmount
record DueQuery(
        @NotNull(message = "{calendar.due.from.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
        @Min(value = 1, message = "{calendar.due.workingDays.range}")
        @Max(value = MAX_DAYS, message = "{calendar.due.workingDays.range}") Integer workingDays,
        @DecimalMin(value = "0", inclusive = false, message = "{calendar.due.workingHours.range}")
        @DecimalMax(value = "" + MAX_DAYS * HOURS_PER_DAY, message = "{calendar.due.workingHours.range}")
        BigDecimal workingHours,
        @DateTimeFormat(pattern = "H:mm") LocalTime cutoff) {

    static final int MAX_DAYS = 365;
    static final int HOURS_PER_DAY = 8;

    /** The working time asked for, in minutes (valid queries only). */
    long workingMinutes() {
        return workingDays != null ? workingDays * HOURS_PER_DAY * 60L
                : workingHours.multiply(BigDecimal.valueOf(60)).longValueExact();
    }

    /** Exactly one of workingDays and workingHours, and hours that make whole minutes. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = OneAmountValidator.class)
    @interface OneAmount {
        String message() default "{calendar.due.amount.exactlyOne}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static class OneAmountValidator implements ConstraintValidator<OneAmount, DueQuery> {

        @Override
        public boolean isValid(DueQuery query, ConstraintValidatorContext context) {
            if ((query.workingDays() == null) == (query.workingHours() == null)) {
                return violation(context, "workingDays", "{calendar.due.amount.exactlyOne}");
            }
            if (query.workingHours() != null
                    && query.workingHours().multiply(BigDecimal.valueOf(60)).stripTrailingZeros().scale() > 0) {
                return violation(context, "workingHours", "{calendar.due.workingHours.minutes}");
            }
            return true;
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
