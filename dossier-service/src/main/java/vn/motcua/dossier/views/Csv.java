package vn.motcua.dossier.views;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CSV as spreadsheet programs open it: UTF-8 with a byte-order mark (so Vietnamese shows right),
 * CRLF line ends, every text field quoted.
 */
public final class Csv {
    private Csv() {
    }

    public static byte[] of(String[] header, List<String[]> rows) {
        String body = Stream.concat(Stream.<String[]>of(header), rows.stream())
                .map(row -> Stream.of(row).map(Csv::field).collect(Collectors.joining(",")) + "\r\n")
                .collect(Collectors.joining());
        return ("\uFEFF" + body).getBytes(StandardCharsets.UTF_8);
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        // A leading = + - @ would be run as a formula by the spreadsheet: keep it text.
        String safe = value.matches("^[=+\\-@].*") && !value.matches("^-?\\d+(\\.\\d+)?$") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
