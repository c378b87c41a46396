package vn.motcua.systemtests;

/** Bodies of POST /api/v1/dossiers as a citizen's app would send them. */
final class DossierRequestMother {
    static final String CITIZEN_1 = "001090000001";
    static final String THUONG_TIN = "000.10.20.30.H29";
    /** Retail licence for alcohol: 1,200,000 VND due at intake, result may come by post. */
    static final String LIQUOR_RETAIL = "2.000018";

    private DossierRequestMother() {
    }

    static String liquorLicence(String idNumber, String email) {
        return """
                {"procedureCode": "%s", "agencyCode": "%s", "resultDelivery": "POST",
                 "applicant": {"fullName": "Nguyễn Văn An", "idNumber": "%s", "phone": "0912345678",
                               "email": "%s", "address": "Số 5 phố Lê Lợi, thị trấn Thường Tín, Hà Nội"}}
                """.formatted(LIQUOR_RETAIL, THUONG_TIN, idNumber, email);
    }

    static String liquorLicenceForCitizen1() {
        return liquorLicence(CITIZEN_1, "citizen1@example.com");
    }
}
