package vn.motcua.dossier.intake;

import java.util.List;

import vn.motcua.testinfra.CallerMother;

/** Request bodies for dossier submissions. */
public final class SubmissionMother {
    /** Cấp giấy phép bán lẻ rượu: district level, online level 3, 1 200 000 đ due at intake. */
    public static final String LIQUOR_LICENCE = "2.000018";
    public static final List<String> LIQUOR_LICENCE_DOCUMENTS = List.of(
            "Đơn đề nghị cấp giấy phép", "Bản sao giấy chứng nhận đăng ký kinh doanh");

    private SubmissionMother() {
    }

    public static String liquorLicenceFor(String citizenId) {
        return body(LIQUOR_LICENCE, CallerMother.AGENCY_THUONG_TIN, citizenId, "nguyen.van.an@example.com");
    }

    public static String body(String procedureCode, String agencyCode, String citizenId, String email) {
        return """
                {"procedureCode": "%s", "agencyCode": "%s",
                 "applicant": {"fullName": "Nguyễn Văn An", "idNumber": "%s", "phone": "0912345678",
                               "email": "%s", "address": "Số 5 phố Lê Lợi, thị trấn Thường Tín, Hà Nội"}}
                """.formatted(procedureCode, agencyCode, citizenId, email);
    }
}
