package vn.motcua.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Inline fully-qualified names drift in one by one; Spotless keeps the imports themselves in
 * order. A name may stay qualified only where its simple name is taken by another import or by
 * a type of the file. Log lines leave the platform (collectors, tickets, screenshots), so none
 * names a citizen's personal data.
 */
class SourceStyleTest {
    private static final Pattern LOG_STATEMENT = Pattern.compile("\\blog\\.(?:trace|debug|info|warn|error)\\((.*?)\\);",
            Pattern.DOTALL);
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    /** Names of values that are a person's data under Decree 13/2023: numbers to reach them, their id number, name. */
    private static final Pattern PERSONAL = Pattern.compile("(?i)\\b\\w*(phone|idnumber|citizenid|email|fullname|holderid)\\w*\\b");
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![.\"\\w/])((?:java|javax|jakarta|org|com|tools|vn)(?:\\.[a-z][a-z0-9_]*)+)\\.([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("^import ([\\w.]+)\\.(\\w+);");

    private static final Path PROJECT = Path.of(System.getProperty("motcua.project.dir", "..")).toAbsolutePath().normalize();

    @Test
    void codeUsesImportsRatherThanInlineFullyQualifiedNames() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : files(SourceStyleTest::isSource)) {
            found.addAll(qualifiedNamesIn(PROJECT.relativize(file), Files.readAllLines(file)));
        }
        assertThat(found).as("import these instead").isEmpty();
    }

    @Test
    void logLinesNameNoCitizensPersonalData() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : files(SourceStyleTest::isPlatformCode)) {
            Matcher statement = LOG_STATEMENT.matcher(Files.readString(file));
            while (statement.find()) {
                Matcher personal = PERSONAL.matcher(STRING_LITERAL.matcher(statement.group(1)).replaceAll("\"\""));
                if (personal.find()) {
                    found.add(PROJECT.relativize(file) + ": " + personal.group() + " in log." + statement.group().substring(4));
                }
            }
        }
        assertThat(found).as("log the record's id instead; its store has the person's data").isEmpty();
    }

    private static List<Path> files(Predicate<Path> which) throws IOException {
        try (Stream<Path> files = Files.walk(PROJECT)) {
            return files.filter(which).toList();
        }
    }

    /** The services and their kit; the simulators stand for the outside world and log what it would see. */
    private static boolean isPlatformCode(Path file) {
        String path = file.toString();
        return isSource(file) && path.contains("/src/main/") && !path.contains("simulator");
    }

    private static boolean isSource(Path file) {
        String path = file.toString();
        return path.endsWith(".java") && path.contains("/src/") && !path.contains("/target/") && !path.contains("/.motcua/");
    }

    private static List<String> qualifiedNamesIn(Path file, List<String> lines) {
        Map<String, String> imported = new HashMap<>();
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            Matcher imports = IMPORT.matcher(line);
            if (imports.find()) {
                imported.put(imports.group(2), imports.group(1) + "." + imports.group(2));
            }
            text.append(line).append('\n');
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("import ") || line.startsWith("package ") || line.startsWith("*") || line.startsWith("//")
                    || line.startsWith("/*")) {
                continue;
            }
            Matcher qualified = QUALIFIED.matcher(line);
            while (qualified.find()) {
                String name = qualified.group(2);
                String full = qualified.group(1) + "." + name;
                boolean nameTaken = (imported.containsKey(name) && !imported.get(name).equals(full))
                        || Pattern.compile("(class|record|enum|interface) " + name + "\\b").matcher(text).find();
                if (!nameTaken) {
                    found.add(file + ":" + (i + 1) + " " + full);
                }
            }
        }
        return found;
    }
}
