package vn.motcua.dossier.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import vn.motcua.events.payment.FeeStage;

/**
 * A procedure as ops write it; the catalog assigns the version.
 *
 * @param paperOriginalsKept whether the agency keeps the paper originals (see {@link Procedure}); ignored unless
 *     {@code paperOriginalRequired}
 */
public record ProcedureDefinition(
        @NotBlank @Pattern(regexp = "\\d\\.\\d{6}", message = "must look like 1.000001") String code,
        @NotBlank @Size(max = 300) String name,
        @NotBlank @Size(max = 100) String field,
        @NotNull @Pattern(regexp = "PROVINCE|DISTRICT|COMMUNE") String agencyLevel,
        @Min(2) @Max(4) int onlineLevel,
        @Min(0) @Max(365) int processingDays,
        @NotNull @Size(max = 10) List<@Valid FeeDefinition> fees,
        @Pattern(regexp = "INTAKE|RESULT") String feeTiming,
        boolean acceptByPost,
        boolean returnByPost,
        boolean inPersonSignature,
        boolean paperOriginalRequired,
        boolean urgentCounter,
        @NotNull @Size(max = 30) List<@NotBlank @Size(max = 200) String> requiredDocuments,
        @Pattern(regexp = CutOff.PATTERN, message = "must be a time of day like 15:00") String cutOff,
        Boolean receptionAwaitsIntakeFee,
        Boolean paperOriginalsKept) {

    /** One fee of the schedule; see {@link Procedure.Fee} for what each field means. */
    public record FeeDefinition(
            @NotNull @Pattern(regexp = "PHI|LE_PHI") String kind,
            @PositiveOrZero long amount,
            @NotNull @Pattern(regexp = "DOSSIER|COPY|PAGE") String per,
            @PositiveOrZero Long onlineAmount,
            @Pattern(regexp = "INTAKE|SUPPLEMENT|RESULT") String stage,
            boolean refundable,
            @Size(max = 10) Map<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String, @NotNull @PositiveOrZero Long> reducedFor,
            @PositiveOrZero Long maxAmount,
            @Size(max = 500) String note) {

        Procedure.Fee toFee() {
            return new Procedure.Fee(kind, amount, per, onlineAmount, stage == null ? null : FeeStage.valueOf(stage),
                    refundable, reducedFor, maxAmount, note == null ? null : note.strip());
        }
    }

    Procedure toProcedure() {
        return new Procedure(code, 0, name.strip(), field.strip(), agencyLevel, onlineLevel, processingDays,
                fees.stream().map(FeeDefinition::toFee).toList(),
                fees.isEmpty() || feeTiming == null ? null : FeeStage.valueOf(feeTiming), acceptByPost, returnByPost, inPersonSignature,
                paperOriginalRequired, urgentCounter, requiredDocuments.stream().map(String::strip).toList(), cutOff,
                receptionAwaitsIntakeFee, paperOriginalRequired ? paperOriginalsKept : null);
    }
}
