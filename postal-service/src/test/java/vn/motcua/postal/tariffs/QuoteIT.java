package vn.motcua.postal.tariffs;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.testinfra.CallerMother.AGENCY_THUONG_TIN;
import static vn.motcua.testinfra.CallerMother.CITIZEN_1;
import static vn.motcua.testinfra.CallerMother.chatBot;
import static vn.motcua.testinfra.CallerMother.citizen;
import static vn.motcua.testinfra.CallerMother.officer;
import static vn.motcua.testinfra.CallerMother.portal;
import static vn.motcua.testinfra.CallerMother.withRoles;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.testinfra.InfrastructureTest;

@SpringBootTest
@AutoConfigureMockMvc
@InfrastructureTest
class QuoteIT {
    private static final String GIA_LAI_2020 = """
            {"service": "RESULT_RETURN", "agencyCode": "000.00.00.GL", "agencyProvince": "Gia Lai",
             "addressProvince": "gia lai", "weightGrams": 200, "onlineLevel": 4, "date": "2020-04-01"}""";
    private static final String THUONG_TIN = """
            {"service": "DOSSIER_PICKUP", "agencyCode": "000.10.20.30.H29", "addressProvince": "Hà Nội",
             "weightGrams": 400, "cashOnDelivery": 1200000}""";

    @Autowired
    MockMvc mvc;

    @Test
    void aPortalOrCitizenSeesThePriceAndWhoPaysBeforeChoosingPost() throws Exception {
        quote(citizen(CITIZEN_1), THUONG_TIN).andExpect(status().isOk())
                .andExpect(jsonPath("$.zone").value("WITHIN_PROVINCE")).andExpect(jsonPath("$.postage").value(32000))
                .andExpect(jsonPath("$.cashOnDeliveryFee").value(12000)).andExpect(jsonPath("$.citizenPays").value(44000))
                .andExpect(jsonPath("$.payer").value("CITIZEN")).andExpect(jsonPath("$.tariffId").value("VNPOST-BCCI-2025"));
        quote(portal(), THUONG_TIN).andExpect(status().isOk());
        quote(officer(AGENCY_THUONG_TIN), THUONG_TIN.replace("Hà Nội", "Thành phố Hồ Chí Minh"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.zone").value("OTHER_PROVINCE"));
    }

    @Test
    void anAddressWrittenWithoutDiacriticsOrWithAFormerProvinceIsPricedAndTheAnswerNamesTheProvince() throws Exception {
        quote(citizen(CITIZEN_1), THUONG_TIN.replace("Hà Nội", "ha noi")).andExpect(status().isOk())
                .andExpect(jsonPath("$.zone").value("WITHIN_PROVINCE")).andExpect(jsonPath("$.postage").value(32000))
                .andExpect(jsonPath("$.addressProvince").value("Hà Nội")).andExpect(jsonPath("$.agencyProvince").value("Hà Nội"));
        quote(citizen(CITIZEN_1), THUONG_TIN.replace("Hà Nội", "Bình Dương")).andExpect(status().isOk())
                .andExpect(jsonPath("$.zone").value("OTHER_PROVINCE"))
                .andExpect(jsonPath("$.addressProvince").value("Thành phố Hồ Chí Minh"));
        // Quy Nhơn, in Bình Định until 1/7/2025, is in Gia Lai now.
        quote(portal(), GIA_LAI_2020.replace("\"gia lai\"", "\"Bình Định\"").replace(", \"date\": \"2020-04-01\"", ""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.zone").value("WITHIN_PROVINCE")).andExpect(jsonPath("$.addressProvince").value("Gia Lai"));
    }

    @Test
    void theDiscountInForceOnTheDayIsNamedWithItsSource() throws Exception {
        quote(portal(), GIA_LAI_2020).andExpect(status().isOk()).andExpect(jsonPath("$.tariffId").value("VNPOST-BCCI-2020"))
                .andExpect(jsonPath("$.discount.ruleId").value("GL-COVID-2020"))
                .andExpect(jsonPath("$.discount.source").value(Matchers.containsString("Gia Lai")))
                .andExpect(jsonPath("$.postageDue").value(17500));
        quote(portal(), GIA_LAI_2020.replace("2020-04-01", "2020-06-01")).andExpect(jsonPath("$.discount").doesNotExist())
                .andExpect(jsonPath("$.postageDue").value(25000));
        // Before any tariff of the data: the quote says so rather than pricing with another year's.
        problem(quote(portal(), GIA_LAI_2020.replace("2020-04-01", "2019-12-31")), 422, "no-tariff");
    }

    @Test
    void badQuotesAreRefusedClearly() throws Exception {
        problem(quote(citizen(CITIZEN_1), THUONG_TIN.replace("Hà Nội", "Hà Tây")), 422, "province-unknown");
        problem(quote(citizen(CITIZEN_1), THUONG_TIN.replace("400", "0")), 422, "weight-out-of-range");
        problem(quote(citizen(CITIZEN_1), THUONG_TIN.replace("1200000", "-5")), 422, "cash-on-delivery-out-of-range");
        problem(quote(citizen(CITIZEN_1), THUONG_TIN.replace("000.10.20.30.H29", "000.00.00.XX")), 422, "agency-province-unknown");
        problem(quote(citizen(CITIZEN_1), "{\"service\": \"RESULT_RETURN\"}"), 400, "quote-incomplete");
        quote(citizen(CITIZEN_1), THUONG_TIN.replace("DOSSIER_PICKUP", "PIGEON")).andExpect(status().isBadRequest());
        quote(citizen(CITIZEN_1), "{").andExpect(status().isBadRequest());
    }

    @Test
    void postalOperatorsAndChatBotsMayNotQuoteAndNobodyWithoutAToken() throws Exception {
        quote(withRoles("postal1", "postal-operator"), THUONG_TIN).andExpect(status().isForbidden());
        quote(chatBot(), THUONG_TIN).andExpect(status().isForbidden());
        quote(chatBot(), "").andExpect(status().isForbidden()).andExpect(jsonPath("$.detail")
                .value("Only citizen, portal, postal-clerk, officer, specialist, leader or ops may do this; your role does not allow it"));
        mvc.perform(post("/api/v1/shipments/quote").contentType(MediaType.APPLICATION_JSON).content(THUONG_TIN))
                .andExpect(status().isUnauthorized());
    }

    private ResultActions quote(RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/v1/shipments/quote").with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static ResultActions problem(ResultActions result, int status, String slug) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:motcua:problem:" + slug));
    }
}
