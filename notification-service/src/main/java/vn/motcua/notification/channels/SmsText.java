package vn.motcua.notification.channels;

import java.text.Normalizer;

/**
 * The SMS length rules. A text in the GSM 7-bit alphabet takes 160 characters in one part and 153
 * per part when split (the extension characters count twice); anything else — Vietnamese with its
 * diacritics — goes as UCS-2: 70 in one part, 67 per part.
 */
public final class SmsText {
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsText() {
    }

    public enum Encoding {
        GSM_7BIT, UCS_2
    }

    public static Encoding encodingOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return Encoding.UCS_2;
            }
        }
        return Encoding.GSM_7BIT;
    }

    /** How many parts the text is sent in. */
    public static int parts(String text) {
        if (encodingOf(text) == Encoding.UCS_2) {
            int units = text.length();
            return units <= 70 ? 1 : (units + 66) / 67;
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return septets <= 160 ? 1 : (septets + 152) / 153;
    }

    /**
     * The text without diacritics (đ as d), as brand-name channels commonly send it: plain Latin
     * letters stay in the GSM alphabet, so a part holds 160 characters instead of 70.
     */
    public static String unaccented(String text) {
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D').replace('—', '-').replace('–', '-')
                .replace('“', '"').replace('”', '"').replace('‘', '\'').replace('’', '\''), Normalizer.Form.NFD);
        StringBuilder plain = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                plain.append(c);
            }
        }
        return Normalizer.normalize(plain, Normalizer.Form.NFC);
    }
}
