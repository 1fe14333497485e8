package vn.motcua.text;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalInt;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Checks {@link PlainText}: a string, or every key and value of a map or collection, recursively. */
class PlainTextValidator implements ConstraintValidator<PlainText, Object> {

    private static final int MAX_DEPTH = 32;

    private boolean multiline;

    @Override
    public void initialize(PlainText annotation) {
        multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
        if (value instanceof CharSequence text) {
            OptionalInt refused = PlainTexts.firstRefused(text, multiline);
            if (refused.isEmpty()) {
                return true;
            }
            context.unwrap(HibernateConstraintValidatorContext.class)
                    .addMessageParameter("character", PlainTexts.codePoint(refused.getAsInt()));
            return false;
        }
        return nested(value, "", context, 0);
    }

    private boolean nested(Object value, String where, ConstraintValidatorContext context, int depth) {
        if (value == null) {
            return true;
        }
        if (depth > MAX_DEPTH) {
            // deeper than any form has reason to be: refused, never left unchecked
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("{text.plain.tooDeep}").addConstraintViolation();
            return false;
        }
        if (value instanceof CharSequence text) {
            OptionalInt refused = PlainTexts.firstRefused(text, multiline);
            if (refused.isPresent()) {
                context.disableDefaultConstraintViolation();
                context.unwrap(HibernateConstraintValidatorContext.class)
                        .addMessageParameter("character", PlainTexts.codePoint(refused.getAsInt()))
                        .addMessageParameter("entry", where.isEmpty() ? "?" : where)
                        .buildConstraintViolationWithTemplate("{text.plain.entry}").addConstraintViolation();
                return false;
            }
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                String path = where.isEmpty() ? key : where + "." + key;
                if (PlainTexts.firstRefused(key, false).isPresent()) {
                    // the key itself is bad: do not echo it
                    return nested(key, where.isEmpty() ? "?" : where, context, depth + 1);
                }
                if (!nested(e.getValue(), path, context, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                if (!nested(item, where + "[" + i++ + "]", context, depth + 1)) {
                    return false;
                }
            }
        }
        return true;
    }
}
