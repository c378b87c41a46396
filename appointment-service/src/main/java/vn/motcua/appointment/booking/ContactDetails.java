package vn.motcua.appointment.booking;

import java.util.regex.Pattern;
import vn.motcua.kit.problem.ApiProblem;

/**
 * A visitor's citizen id and phone number as the desks take them, from a booking or a walk-in: a
 * ticket's "your turn is near" goes to the number, so a number no phone has is refused where it
 * comes in, not when the message fails.
 */
public final class ContactDetails {
    private static final Pattern CITIZEN_ID = Pattern.compile("\\d{12}");
    private static final Pattern MOBILE = Pattern.compile("0[35789]\\d{8}");

    private ContactDetails() {
    }

    /** A 12-digit citizen id; null stays null. */
    public static String citizenId(String citizenId) {
        if (citizenId != null && !CITIZEN_ID.matcher(citizenId).matches()) {
            throw ApiProblem.badRequest("citizen-id-invalid", "citizenId must be the 12 digits of a citizen id card");
        }
        return citizenId;
    }

    /** 0912345678 or +84912345678, kept as 0912345678; null stays null. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replace(" ", "").replace(".", "");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        }
        if (!MOBILE.matcher(digits).matches()) {
            throw ApiProblem.badRequest("phone-invalid", "phone must be a Vietnamese mobile number, e.g. 0912345678");
        }
        return digits;
    }
}
