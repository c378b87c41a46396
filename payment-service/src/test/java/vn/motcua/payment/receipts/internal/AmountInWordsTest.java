package vn.motcua.payment.receipts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AmountInWordsTest {

    @Test
    void figuresSeparateThousandsWithDots() {
        assertThat(AmountInWords.figures(0)).isEqualTo("0");
        assertThat(AmountInWords.figures(90_000)).isEqualTo("90.000");
        assertThat(AmountInWords.figures(1_200_000)).isEqualTo("1.200.000");
    }

    @Test
    void writesFeesAsAReceiptDoes() {
        assertThat(AmountInWords.dong(150_000)).isEqualTo("Một trăm năm mươi nghìn đồng");
        assertThat(AmountInWords.dong(1_200_000)).isEqualTo("Một triệu hai trăm nghìn đồng");
        assertThat(AmountInWords.dong(35_000)).isEqualTo("Ba mươi lăm nghìn đồng");
        assertThat(AmountInWords.dong(0)).isEqualTo("Không đồng");
    }

    @Test
    void saysLinhMốtLămAndTưWhereVietnameseDoes() {
        assertThat(AmountInWords.dong(105)).isEqualTo("Một trăm linh năm đồng");
        assertThat(AmountInWords.dong(21)).isEqualTo("Hai mươi mốt đồng");
        assertThat(AmountInWords.dong(11)).isEqualTo("Mười một đồng");
        assertThat(AmountInWords.dong(15)).isEqualTo("Mười lăm đồng");
        assertThat(AmountInWords.dong(24)).isEqualTo("Hai mươi tư đồng");
        assertThat(AmountInWords.dong(14)).isEqualTo("Mười bốn đồng");
    }

    @Test
    void anInnerGroupWithoutHundredsSaysKhôngTrăm() {
        assertThat(AmountInWords.dong(1_005_000)).isEqualTo("Một triệu không trăm linh năm nghìn đồng");
        assertThat(AmountInWords.dong(2_000_050)).isEqualTo("Hai triệu không trăm năm mươi đồng");
        assertThat(AmountInWords.dong(1_000_000_000)).isEqualTo("Một tỷ đồng");
        assertThat(AmountInWords.dong(3_500_000_000L)).isEqualTo("Ba tỷ năm trăm triệu đồng");
    }

    @Test
    void refusesANegativeAmount() {
        assertThatThrownBy(() -> AmountInWords.dong(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
