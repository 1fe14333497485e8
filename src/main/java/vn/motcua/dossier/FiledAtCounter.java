package vn.motcua.dossier;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The channel of a dossier that staff record: anything but {@link Channel#ONLINE}, which only the online
 * channel itself ({@code /api/public/dossiers}, {@code /nop-ho-so}) may set, so that the online share counts
 * what citizens really filed online. A null channel is left to {@code @NotNull}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = FiledAtCounter.Check.class)
@interface FiledAtCounter {

    String message() default "{intake.channel.online}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<FiledAtCounter, Channel> {

        @Override
        public boolean isValid(Channel channel, ConstraintValidatorContext context) {
            return channel != Channel.ONLINE;
        }
    }
}
