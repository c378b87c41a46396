package vn.motcua.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneScriptPerWordTest {
    private final OneScriptPerWord.Check check = new OneScriptPerWord.Check();

    @Test
    void aNameWithALetterOfAnotherScriptInAWordIsRefused() {
        // Cyrillic а (U+0430), Greek ο (U+03BF), Cyrillic Н (U+041D): each looks like its Latin twin.
        for (String lookAlike : new String[] {"Nguyễn V\u0430n An", "Tr\u03bfng Thị Bình", "\u041dguyễn An"}) {
            assertThat(check.isValid(lookAlike, null)).as(lookAlike).isFalse();
        }
    }

    @Test
    void namesWrittenInOneScriptPerWordPass() {
        for (String name : new String[] {"Nguyễn Văn An", "Hoàng Thị Ý Nhi", "H'Hen Niê", "Đặng Lê Nguyên Vũ", "Ksor H'Bia",
                "Олег Nguyễn", "山田 花子", "山田さくら", "김민준", "John O'Neil-Smith", "Nguyễn Văn An 2", "", "  "}) {
            assertThat(check.isValid(name, null)).as(name).isTrue();
        }
        assertThat(check.isValid(null, null)).isTrue();
    }
}
