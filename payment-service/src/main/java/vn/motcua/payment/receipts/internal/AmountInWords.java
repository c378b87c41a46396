package vn.motcua.payment.receipts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An amount of đồng in Vietnamese words, as a receipt writes it ("Một trăm năm mươi nghìn đồng"):
 * groups of three digits with nghìn, triệu, tỷ; "linh" for a missing ten, "mười"/"mươi", "mốt"
 * for a one after a ten above ten, "lăm" for a five after a ten, "tư" for a four after a ten
 * above ten; an inner group without hundreds says "không trăm".
 */
public final class AmountInWords {
    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final String[] GROUPS = {"", "nghìn", "triệu", "tỷ"};

    private AmountInWords() {
    }

    /** The amount in figures as the agency's papers write it, dots between thousands ("150.000"). */
    public static String figures(long amount) {
        return String.format(Locale.ROOT, "%,d", amount).replace(',', '.');
    }

    public static String dong(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("An amount is not negative: " + amount);
        }
        String words = amount == 0 ? "không" : words(amount);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " đồng";
    }

    private static String words(long amount) {
        List<Integer> groups = new ArrayList<>();
        for (long rest = amount; rest > 0; rest /= 1000) {
            groups.add((int) (rest % 1000));
        }
        List<String> parts = new ArrayList<>();
        for (int i = groups.size() - 1; i >= 0; i--) {
            int group = groups.get(i);
            if (group == 0) {
                // Billions repeat: 1,000,000,000,000 is "một nghìn tỷ"; a silent group adds only its tỷ.
                if (i % 3 == 0 && i > 0 && !parts.isEmpty() && !parts.getLast().endsWith("tỷ")) {
                    parts.add("tỷ");
                }
                continue;
            }
            boolean leading = i == groups.size() - 1;
            parts.add(group(group, !leading));
            String unit = GROUPS[i % 3 == 0 && i > 0 ? 3 : i % 3];
            if (!unit.isEmpty()) {
                parts.add(unit);
            }
        }
        return String.join(" ", parts);
    }

    /** @param full say "không trăm" and "linh" as an inner group does */
    private static String group(int n, boolean full) {
        int hundreds = n / 100;
        int tens = n / 10 % 10;
        int units = n % 10;
        List<String> words = new ArrayList<>();
        if (hundreds > 0 || full) {
            words.add(DIGITS[hundreds]);
            words.add("trăm");
        }
        if (tens == 0) {
            if (units > 0) {
                if (!words.isEmpty()) {
                    words.add("linh");
                }
                words.add(DIGITS[units]);
            }
        } else {
            words.add(tens == 1 ? "mười" : DIGITS[tens] + " mươi");
            if (units == 1 && tens > 1) {
                words.add("mốt");
            } else if (units == 4 && tens > 1) {
                words.add("tư");
            } else if (units == 5) {
                words.add("lăm");
            } else if (units > 0) {
                words.add(DIGITS[units]);
            }
        }
        return String.join(" ", words);
    }
}
