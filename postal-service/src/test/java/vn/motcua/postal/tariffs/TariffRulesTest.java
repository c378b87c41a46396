package vn.motcua.postal.tariffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.postal.tariffs.TariffRules.Payer;
import vn.motcua.postal.tariffs.TariffRules.Shipment;
import vn.motcua.postal.tariffs.TariffRules.Zone;

/** The rules as the data file states them (the Gia Lai 2020 discount, the illustrative tariffs of 2020 and 2025), and a payer rule. */
class TariffRulesTest {
    private static final TariffBook BOOK = new TariffBook(JsonMapper.builder().build());
    private static final TariffRules RULES = BOOK.rules();
    private static final String TARIFF_DAY_2020 = "2020-04-15";

    private static Shipment resultReturn(String province, int onlineLevel, String field, LocalDate date) {
        return new Shipment(PostalService.RESULT_RETURN, "postal-vnpost", "000.00.00.GL", province, province, 200, onlineLevel,
                field, 0, date);
    }

    @ParameterizedTest
    @CsvSource({"2020-03-22, 25000", "2020-03-23, 17500", "2020-05-30, 17500", "2020-05-31, 25000"})
    void theGiaLai30PercentDiscountHoldsFromItsFirstToItsLastDayOnly(LocalDate day, long postageDue) {
        TariffRules.Quote quote = RULES.quote(resultReturn("Gia Lai", 4, "Hộ tịch", day));
        assertThat(quote.tariffId()).isEqualTo("VNPOST-BCCI-2020");
        assertThat(quote.postage()).isEqualTo(25000);
        assertThat(quote.postageDue()).isEqualTo(postageDue);
        if (postageDue < 25000) {
            assertThat(quote.discount().ruleId()).isEqualTo("GL-COVID-2020");
            assertThat(quote.discount().amount()).isEqualTo(7500);
        } else {
            assertThat(quote.discount()).isNull();
        }
    }

    @Test
    void theDiscountNeedsAnOnlineDossierAtLevel3Or4OrSecuredTransactionsAndGiaLai() {
        TariffRules rules = RULES;
        LocalDate day = LocalDate.parse(TARIFF_DAY_2020);
        assertThat(rules.quote(resultReturn("Gia Lai", 3, "Hộ tịch", day)).discount()).isNotNull();
        assertThat(rules.quote(resultReturn("Gia Lai", 2, "Hộ tịch", day)).discount()).isNull();
        assertThat(rules.quote(new Shipment(PostalService.RESULT_RETURN, "postal-vnpost", "x", "Gia Lai", "Gia Lai", 200, null,
                "Đăng ký giao dịch bảo đảm", 0, day)).discount()).isNotNull();
        assertThat(rules.quote(resultReturn("Hà Nội", 4, "Hộ tịch", day)).discount()).as("another province").isNull();
        assertThat(rules.quote(new Shipment(PostalService.DOSSIER_PICKUP, "postal-vnpost", "x", "Gia Lai", "Gia Lai", 200, 4,
                "Hộ tịch", 0, day)).discount()).as("not a result return").isNull();
    }

    @Test
    void postageFollowsZoneAndWeightBandWithOverweightByStartedHalfKilo() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        Shipment within = new Shipment(PostalService.RESULT_RETURN, "postal-vnpost", "a", "Hà Nội", "Hà Nội", 250, 4, null, 0, day);
        assertThat(RULES.quote(within).zone()).isEqualTo(Zone.WITHIN_PROVINCE);
        assertThat(RULES.quote(within).postage()).isEqualTo(28000);
        Shipment heavier = new Shipment(PostalService.RESULT_RETURN, "postal-vnpost", "a", "Hà Nội", "Cần Thơ", 251, 4, null, 0, day);
        assertThat(RULES.quote(heavier).postage()).isEqualTo(45000);
        Shipment overweight = new Shipment(PostalService.RESULT_RETURN, "postal-vnpost", "a", "Hà Nội", "Cần Thơ", 1501, 4, null, 0, day);
        assertThat(RULES.quote(overweight).postage()).isEqualTo(45000 + 2 * 6000);
        assertThatThrownBy(() -> RULES.quote(new Shipment(PostalService.RESULT_RETURN, "other-operator", "a", "Hà Nội", "Hà Nội",
                100, 4, null, 0, day))).isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status().value()).isEqualTo(422));
    }

    @Test
    void cashOnDeliveryCostsItsPercentageWithAMinimumAndTheCitizenPaysUnlessAPayerRuleSaysTheAgency() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        Shipment withCash = new Shipment(PostalService.DOSSIER_PICKUP, "postal-vnpost", "000.10.20.30.H29", "Hà Nội", "Hà Nội",
                400, null, null, 1_200_000, day);
        TariffRules.Quote quote = RULES.quote(withCash);
        assertThat(quote.cashOnDeliveryFee()).isEqualTo(12000);
        assertThat(quote.citizenPays()).isEqualTo(32000 + 12000);
        assertThat(quote.payer()).isEqualTo(Payer.CITIZEN);
        assertThat(RULES.quote(new Shipment(PostalService.DOSSIER_PICKUP, "postal-vnpost", "a", "Hà Nội", "Hà Nội", 400, null,
                null, 50_000, day)).cashOnDeliveryFee()).as("minimum").isEqualTo(10000);

        TariffRules agencyPays = new TariffRules(RULES.tariffs(), RULES.discounts(), List.of(new TariffRules.PayerRule(
                "TEST-AGENCY-PAYS", Payer.AGENCY, List.of(PostalService.RESULT_RETURN), day, day,
                new TariffRules.Scope(null, null, "000.10.20.30.H29"), "test")));
        Shipment result = new Shipment(PostalService.RESULT_RETURN, "postal-vnpost", "000.10.20.30.H29", "Hà Nội", "Hà Nội",
                200, 4, null, 0, day);
        assertThat(agencyPays.quote(result).citizenPays()).isZero();
        assertThat(agencyPays.quote(result).agencyPays()).isEqualTo(28000);
        assertThat(agencyPays.quote(new Shipment(PostalService.RESULT_RETURN, "postal-vnpost", "000.10.20.30.H29", "Hà Nội",
                "Hà Nội", 200, 4, null, 0, day.plusDays(1))).payer()).isEqualTo(Payer.CITIZEN);
    }

    @Test
    void provincesAreTheThirtyFourOfTheReformWhateverTheSpelling() {
        assertThat(BOOK.province(" gia  lai ")).map(TariffBook.Province::name).hasValue("Gia Lai");
        assertThat(BOOK.province("Hà Tây")).isEmpty();
        assertThat(BOOK.provinceOfAgency("000.10.20.30.H29")).map(TariffBook.Province::name).hasValue("Hà Nội");
        assertThat(new BigDecimal("30")).isEqualByComparingTo(RULES.discounts().getFirst().percent());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Thanh Hoá | Thanh Hóa", "thanh hoa | Thanh Hóa", "Khánh Hoà | Khánh Hòa", "Ha Noi | Hà Nội", "HÀ NỘI | Hà Nội",
        "Thành phố Hà Nội | Hà Nội", "TP. Hà Nội | Hà Nội", "Tỉnh Gia Lai | Gia Lai", "Dak Lak | Đắk Lắk",
        "TP.HCM | Thành phố Hồ Chí Minh", "TP HCM | Thành phố Hồ Chí Minh", "Hồ Chí Minh | Thành phố Hồ Chí Minh",
        "tp. ho chi minh | Thành phố Hồ Chí Minh", "Bình Dương | Thành phố Hồ Chí Minh",
        "Bà Rịa – Vũng Tàu | Thành phố Hồ Chí Minh", "Tỉnh Hà Giang | Tuyên Quang", "Hoà Bình | Phú Thọ",
        "Nam Định | Ninh Bình", "Kiên Giang | An Giang", "Thừa Thiên Huế | Huế", "Thừa Thiên - Huế | Huế"})
    void aProvinceIsFoundHoweverAnAddressWritesItAndAFormerProvinceAsTheOneItMergedInto(String written, String province) {
        assertThat(BOOK.province(written)).as(written).map(TariffBook.Province::name).hasValue(province);
    }

    @Test
    void theTwentyNineProvincesMergedOnTheFirstOfJuly2025AreEachFoundAndNoOtherNameIs() {
        List<String> merged = List.of("Hà Giang", "Yên Bái", "Bắc Kạn", "Vĩnh Phúc", "Hòa Bình", "Bắc Giang", "Thái Bình",
                "Hải Dương", "Hà Nam", "Nam Định", "Quảng Bình", "Quảng Nam", "Kon Tum", "Bình Định", "Ninh Thuận", "Đắk Nông",
                "Bình Thuận", "Phú Yên", "Bình Dương", "Bà Rịa - Vũng Tàu", "Bình Phước", "Long An", "Sóc Trăng", "Hậu Giang",
                "Bến Tre", "Trà Vinh", "Tiền Giang", "Bạc Liêu", "Kiên Giang");
        assertThat(merged).hasSize(29).allSatisfy(name -> assertThat(BOOK.province(name)).as(name).isPresent());
        for (String notAProvince : List.of("Hà Tây", "Sài Gòn", "Thành phố", "TP", "Tỉnh", "", "   ", "Hà", "Quảng")) {
            assertThat(BOOK.province(notAProvince)).as(notAProvince).isEmpty();
        }
    }
}
