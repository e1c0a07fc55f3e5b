package jp.otasuke.dispatch.cost;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The engineer's work report at check-out: what was done, how long, how far, and what was paid out; and, from the
 * phone, the checklist items done and the SME's confirmation (the on-site person's name and finger signature).
 */
public record VisitReport(@NotBlank @Size(max = 4000) String summary,
        @NotNull @PositiveOrZero @Max(24 * 60) Integer laborMinutes,
        @NotNull @PositiveOrZero @Max(2000) Double travelKm,
        @Size(max = 50) List<@Valid @NotNull Expense> expenses,
        @Size(max = 30) List<@NotBlank @Size(max = 200) String> checklist,
        @Size(max = 200) String confirmedBy,
        @Size(max = 300_000) @jakarta.validation.constraints.Pattern(regexp = "data:image/png;base64,[A-Za-z0-9+/=]+",
                message = "must be a PNG data URL") String signature) {

    public VisitReport(String summary, Integer laborMinutes, Double travelKm, List<Expense> expenses) {
        this(summary, laborMinutes, travelKm, expenses, null, null, null);
    }

    /** What the SME confirmed on site, kept with the report. */
    public record Confirmation(List<String> checklist, String confirmedBy, String signature) {
    }

    public Confirmation confirmation() {
        return checklist == null && confirmedBy == null && signature == null ? null
                : new Confirmation(checklist == null ? List.of() : checklist, confirmedBy, signature);
    }

    /** Money the engineer spent for the job (parking, a replacement cable...). */
    public record Expense(@NotBlank @Size(max = 50) String type, @NotNull @PositiveOrZero @Max(1_000_000) Long amountYen,
            @Size(max = 500) String note) {
    }

    public List<Expense> expensesOrNone() {
        return expenses == null ? List.of() : expenses;
    }
}
