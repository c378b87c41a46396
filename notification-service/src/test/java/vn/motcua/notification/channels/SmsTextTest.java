package vn.motcua.notification.channels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsTextTest {
    private static final String ACCENTED = "Hồ sơ 000.10.20.H29-261201-0001 đã được tiếp nhận. Ngày hẹn trả kết quả: 15/12/2026.";

    @Test
    void vietnameseWithDiacriticsGoesAsUcs2AndTakesTwoPartsWhereItsUnaccentedVariantTakesOne() {
        assertThat(ACCENTED).hasSize(84);
        assertThat(SmsText.encodingOf(ACCENTED)).isEqualTo(SmsText.Encoding.UCS_2);
        assertThat(SmsText.parts(ACCENTED)).as("84 UCS-2 characters: 67 + 17").isEqualTo(2);

        String plain = SmsText.unaccented(ACCENTED);
        assertThat(plain).isEqualTo("Ho so 000.10.20.H29-261201-0001 da duoc tiep nhan. Ngay hen tra ket qua: 15/12/2026.");
        assertThat(SmsText.encodingOf(plain)).isEqualTo(SmsText.Encoding.GSM_7BIT);
        assertThat(SmsText.parts(plain)).isEqualTo(1);
    }

    @Test
    void partsFollowTheSingleAndConcatenatedLimitsOfEachEncoding() {
        assertThat(SmsText.parts("a".repeat(160))).isEqualTo(1);
        assertThat(SmsText.parts("a".repeat(161))).isEqualTo(2);
        assertThat(SmsText.parts("a".repeat(306))).isEqualTo(2);
        assertThat(SmsText.parts("a".repeat(307))).isEqualTo(3);
        assertThat(SmsText.parts("€".repeat(80))).as("extension characters count twice").isEqualTo(1);
        assertThat(SmsText.parts("€".repeat(81))).isEqualTo(2);
        assertThat(SmsText.parts("ư".repeat(70))).isEqualTo(1);
        assertThat(SmsText.parts("ư".repeat(71))).isEqualTo(2);
        assertThat(SmsText.parts("ư".repeat(134))).isEqualTo(2);
        assertThat(SmsText.parts("ư".repeat(135))).isEqualTo(3);
    }

    @Test
    void theUnaccentedVariantKeepsLettersAndReplacesTypographicPunctuation() {
        assertThat(SmsText.unaccented("Đặng Thị Ánh — “Ủy ban”")).isEqualTo("Dang Thi Anh - \"Uy ban\"");
    }
}
