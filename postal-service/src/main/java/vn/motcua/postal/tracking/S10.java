package vn.motcua.postal.tracking;

import java.util.regex.Pattern;
import vn.motcua.kit.problem.ApiProblem;

/**
 * A postal item id in UPU S10 form: two service letters, an 8-digit serial, a check digit and the
 * country code, e.g. {@code EE123456785VN}. The check digit weighs the serial's digits by
 * 8 6 4 2 3 5 9 7; c = 11 − (sum mod 11), with 10 written as 0 and 11 as 5.
 */
public record S10(String serviceIndicator, int serial, String country) {
    private static final int[] WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};
    private static final Pattern FORM = Pattern.compile("([A-Z]{2})(\\d{8})(\\d)([A-Z]{2})");

    public S10 {
        if (serviceIndicator == null || !serviceIndicator.matches("[A-Z]{2}") || country == null || !country.matches("[A-Z]{2}")
                || serial < 0 || serial > 99_999_999) {
            throw new IllegalArgumentException("Not an S10 id: " + serviceIndicator + "/" + serial + "/" + country);
        }
    }

    public static int checkDigit(int serial) {
        String digits = String.format("%08d", serial);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 0 : check == 11 ? 5 : check;
    }

    /**
     * Reads an id an operator sent, refusing one of the wrong form or with a wrong check digit.
     *
     * @throws ApiProblem 422 {@code tracking-number-invalid}
     */
    public static S10 parse(String text) {
        var match = text == null ? null : FORM.matcher(text.strip().toUpperCase());
        if (match == null || !match.matches()) {
            throw ApiProblem.unprocessable("tracking-number-invalid",
                    "A tracking number has the UPU S10 form: 2 letters, 8 digits, a check digit and the country, e.g. EE123456785VN");
        }
        int serial = Integer.parseInt(match.group(2));
        if (checkDigit(serial) != match.group(3).charAt(0) - '0') {
            throw ApiProblem.unprocessable("tracking-number-invalid",
                    text.strip() + " has a wrong check digit: " + checkDigit(serial) + " was expected")
                    .with("expectedCheckDigit", checkDigit(serial));
        }
        return new S10(match.group(1), serial, match.group(4));
    }

    @Override
    public String toString() {
        return serviceIndicator + String.format("%08d", serial) + checkDigit(serial) + country;
    }
}
