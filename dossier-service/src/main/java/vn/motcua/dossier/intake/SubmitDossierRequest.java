package vn.motcua.dossier.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.kit.web.MailboxAddress;
import vn.motcua.kit.web.OneScriptPerWord;

/**
 * An online submission.
 *
 * @param resultDelivery optional; ONLINE for fully online procedures, else COUNTER
 * @param copies copies of the result asked for (fees per copy); 1 when absent
 * @param pages pages of the documents, for procedures with a fee per page
 * @param feeReduction the applicant's category for a reduced fee (e.g. SINH_VIEN), as the procedure's fees list them
 */
public record SubmitDossierRequest(
        @NotBlank @Size(max = 32) String procedureCode,
        @NotBlank @Size(max = 32) String agencyCode,
        @NotNull @Valid ApplicantData applicant,
        ResultDelivery resultDelivery,
        @Min(1) @Max(100) Integer copies,
        @Min(1) @Max(10_000) Integer pages,
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be a category code such as SINH_VIEN") String feeReduction) {

    public record ApplicantData(
            @NotBlank @Size(max = 200) @OneScriptPerWord String fullName,
            @NotBlank @Pattern(regexp = "\\d{12}", message = "must be the 12-digit citizen id number") String idNumber,
            @NotBlank @Pattern(regexp = "(0|\\+84)\\d{9,10}", message = "must be a Vietnamese phone number, e.g. 0912345678") String phone,
            @NotBlank @MailboxAddress String email,
            @NotBlank @Size(max = 500) String address) {
    }
}
