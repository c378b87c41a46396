package vn.motcua.dossier.notices;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A notice as ops send it with the data that follows it. */
public record NoticeDefinition(@NotNull @Size(min = 1, max = 100) String document, @NotNull LocalDate date,
        @Size(max = 500) String title) {

    public Notice toNotice() {
        return new Notice(document.strip(), date, title);
    }
}
