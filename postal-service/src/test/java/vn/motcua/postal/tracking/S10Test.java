package vn.motcua.postal.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.kit.problem.ApiProblem;

class S10Test {

    /**
     * Worked examples of the S10 check digit: 47312482 is the example usually quoted for the standard
     * (weighted sum 200, 200 mod 11 = 2, 11 − 2 = 9); serial 8 gives 10, written 0; a sum divisible
     * by 11 gives 11, written 5.
     */
    @ParameterizedTest
    @CsvSource({"47312482, 9", "12345678, 5", "0, 5", "1, 4", "3, 1", "8, 0", "99999999, 5"})
    void checkDigitsMatchTheStandardsRule(int serial, int expected) {
        assertThat(S10.checkDigit(serial)).isEqualTo(expected);
    }

    @Test
    void formatsAndReadsBackAnId() {
        S10 id = new S10("RR", 47312482, "VN");
        assertThat(id).hasToString("RR473124829VN");
        assertThat(S10.parse("rr473124829vn ")).isEqualTo(id);
        assertThat(S10.parse("EE123456785VN").serial()).isEqualTo(12345678);
    }

    @Test
    void refusesAWrongCheckDigitOrForm() {
        for (String bad : new String[] {"EE123456784VN", "EE12345678VN", "E1123456785VN", "EE123456785V", "", null,
                "EE1234567855VN"}) {
            assertThatThrownBy(() -> S10.parse(bad)).as(bad).isInstanceOfSatisfying(ApiProblem.class,
                    p -> assertThat(p.status().value()).isEqualTo(422));
        }
    }
}
