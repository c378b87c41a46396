package vn.motcua.notification.recipients;

/** Vietnamese mobile numbers as providers take them: 84 and the subscriber number, digits only. */
final class PhoneNumbers {
    private PhoneNumbers() {
    }

    /** @return the number in 84… form, or null when it is not a Vietnamese mobile number */
    static String international(String given) {
        if (given == null) {
            return null;
        }
        String digits = given.replaceAll("[\\s.()-]", "");
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        if (digits.startsWith("0")) {
            digits = "84" + digits.substring(1);
        }
        return digits.matches("84[35789]\\d{8}") ? digits : null;
    }
}
