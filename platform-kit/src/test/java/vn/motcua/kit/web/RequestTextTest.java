package vn.motcua.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.problem.ValueNotAccepted;

class RequestTextTest {
    private final JsonMapper requests = JsonMapper.builder().addModule(RequestText.module()).build();

    record Applicant(String fullName, List<String> phones) {
    }

    record Submission(String note, Applicant applicant) {
    }

    @Test
    void whatPeopleWriteIsTakenAsItIs() {
        for (String text : List.of("Nguyễn Văn An", "Số 5 phố Lê Lợi,\r\n\tThường Tín", "Hồ sơ 😀", "", "Ü ß ¥ € — “quoted”")) {
            assertThat(RequestText.firstRefused(text)).as(text).isEmpty();
        }
    }

    @Test
    void controlsDirectionOverridesAndHalvesOfAPairAreRefused() {
        Map<String, Integer> refused = Map.of("A\u0000B", 0x0000, "bell\u0007", 0x0007, "\u007f", 0x007f, "next\u0085line", 0x0085,
                "Nguy\u202eễn", 0x202e, "\u2066isolate", 0x2066, "half \ud83d", 0xd83d, "\ude00 lone low", 0xde00);
        refused.forEach((text, codePoint) -> assertThat(RequestText.firstRefused(text)).as(text).hasValue(codePoint));
    }

    @Test
    void aRefusedCharacterNamesTheFieldThatHeldItAndNothingIsRead() {
        ValueNotAccepted refused = catchThrowableOfType(ValueNotAccepted.class, () -> requests.readValue(
                "{\"note\": \"ok\", \"applicant\": {\"fullName\": \"An\", \"phones\": [\"0912\", \"09\\u0000\"]}}", Submission.class));

        assertThat(refused).isNotNull();
        assertThat(refused.problem().toProblemDetail().getType()).isEqualTo(ApiProblem.typeOf("character-not-accepted"));
        assertThat(refused.problem().toProblemDetail().getProperties()).containsEntry("field", "applicant.phones[1]")
                .containsEntry("character", "U+0000");
    }

    @Test
    void aNumberOrATruthValueWhereTextBelongsIsRefusedAtItsField() {
        for (String value : List.of("0", "-1", "1e308", "true", "false")) {
            MismatchedInputException refused = catchThrowableOfType(MismatchedInputException.class,
                    () -> requests.readValue("{\"applicant\": {\"fullName\": " + value + "}}", Submission.class));

            assertThat(refused).as(value).isNotNull();
            assertThat(refused.getPath()).extracting(reference -> reference.getPropertyName()).containsExactly("applicant", "fullName");
        }
    }

    @Test
    void aNameTypedWithCombiningMarksIsKeptComposedSoThatItIsOneNameEverywhere() {
        String decomposed = "Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng";
        String composed = "Nguy\u1ec5n Th\u1ecb H\u1ed3ng";

        Submission read = requests.readValue("{\"applicant\": {\"fullName\": \"" + decomposed + "\", \"phones\": []}}",
                Submission.class);

        assertThat(read.applicant().fullName()).isEqualTo(composed).hasSize(15);
        assertThat(RequestText.canonical(composed)).isSameAs(composed);
    }

    @Test
    void whatShowsNothingIsRemovedSoThatTwoNamesThatReadTheSameAreOne() {
        Submission read = requests.readValue("{\"applicant\": {\"fullName\": \"\ufeffNguy\u200b\u1ec5n\u00ad V\u0103n\u2060 An\u200e\", \"phones\": []}}",
                Submission.class);

        assertThat(read.applicant().fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(RequestText.canonical("Gia đình 👨\u200d👩\u200d👧")).as("the joiner of an emoji stays").isEqualTo("Gia đình 👨\u200d👩\u200d👧");
    }

    @Test
    void aFormFieldIsCheckedAsBodyTextIs() {
        assertThat(RequestText.accepted("kind", "Đo\u031bn")).isEqualTo("Đơn");

        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> RequestText.accepted("kind", "Đơn\u202e"));

        assertThat(refused.toProblemDetail().getType()).isEqualTo(ApiProblem.typeOf("character-not-accepted"));
        assertThat(refused.toProblemDetail().getProperties()).containsEntry("field", "kind").containsEntry("character", "U+202E");
        assertThat(RequestText.notAccepted(0x202e)).isTrue();
        assertThat(RequestText.notAccepted("😀".codePointAt(0))).isFalse();
    }

    @Test
    void nullsAndTheOtherTypesAreReadAsBefore() {
        assertThat(requests.readValue("{\"note\": null, \"applicant\": {\"fullName\": \"An\", \"phones\": []}}", Submission.class))
                .isEqualTo(new Submission(null, new Applicant("An", List.of())));
    }
}
