package vn.motcua.kit.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * An e-mail address the platform's mail relay can deliver to: ASCII letters, digits and the usual
 * signs before the {@code @} (no dot first, last or twice), a domain of dotted labels. A Vietnamese
 * keyboard left in Telex mode turns "thanhs@gmail.com" into "thánh@gmail.com"; the address was
 * taken, and every message to it was refused by the relay (it speaks SMTP without SMTPUTF8, as
 * the common Vietnamese providers' mailboxes need), so the citizen was told nothing by e-mail.
 * Internationalised addresses (RFC 6531) are refused on purpose; a domain in Unicode is taken once
 * written as its ASCII (xn--) form.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MailboxAddress.Check.class)
public @interface MailboxAddress {
    /** What a caller is told, after the field's name. */
    String NOT_A_MAILBOX = "is not an e-mail address a mail server takes: letters without diacritics, digits and . _ % + -"
            + " before the @ (was the keyboard typing Vietnamese?), a domain such as gmail.com after it";

    String message() default NOT_A_MAILBOX;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<MailboxAddress, String> {
        private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+");
        private static final Pattern LOCAL_PART = Pattern.compile(ATOM + "(\\." + ATOM + ")*");
        private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
        private static final Pattern DOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")+");

        @Override
        public boolean isValid(String address, ConstraintValidatorContext context) {
            return address == null || isMailbox(address);
        }

        /** Whether a relay without SMTPUTF8 can deliver to it (see the annotation). */
        public static boolean isMailbox(String address) {
            int at = address.lastIndexOf('@');
            if (at <= 0 || at > 64 || address.length() > 254) {
                return false;
            }
            return LOCAL_PART.matcher(address.substring(0, at)).matches() && DOMAIN.matcher(address.substring(at + 1)).matches();
        }
    }
}
