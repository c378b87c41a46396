package vn.motcua.kit.problem;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.exc.StreamReadException;

/**
 * A request body that gives one field twice ({@code "procedureCode": "a", ..., "procedureCode": "b"}).
 * A reader that keeps the last value and one that keeps the first (a portal's check, a proxy's
 * filter) see two different requests, so the request mapper refuses it instead of choosing.
 * Jackson names the field only in its message; a Jackson that words it otherwise is still refused,
 * as a malformed body without the name.
 */
final class DuplicateFields {
    private static final Pattern MESSAGE = Pattern.compile("^Duplicate Object property \"(.{1,200}?)\"");

    private DuplicateFields() {
    }

    static Optional<String> nameIn(Throwable cause) {
        if (!(cause instanceof StreamReadException read) || read.getOriginalMessage() == null) {
            return Optional.empty();
        }
        Matcher matcher = MESSAGE.matcher(read.getOriginalMessage());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
