package vn.motcua.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text a person typed: no control characters (tab and line breaks only where {@link #multiline} allows
 * them), no invisible format characters such as the Unicode direction overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F), no lone surrogates. On a {@code Map} or a
 * collection every key and value is checked, recursively, and the message names the offending entry.
 * {@code null} is valid (pair with {@code @NotBlank} where a value is required).
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    /** Whether tab, line feed and carriage return are allowed (multi-line notes, addresses). */
    boolean multiline() default false;

    String message() default "{text.plain}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
