package jp.otasuke.dispatch.cost;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The engineer's work report at check-out: what was done, how long, how far, and what was paid out. */
public record VisitReport(@NotBlank @Size(max = 4000) String summary,
        @NotNull @PositiveOrZero @Max(24 * 60) Integer laborMinutes,
        @NotNull @PositiveOrZero @Max(2000) Double travelKm,
        @Size(max = 50) List<@Valid @NotNull Expense> expenses) {

    /** Money the engineer spent for the job (parking, a replacement cable...). */
    public record Expense(@NotBlank @Size(max = 50) String type, @NotNull @PositiveOrZero @Max(1_000_000) Long amountYen,
            @Size(max = 500) String note) {
    }

    public List<Expense> expensesOrNone() {
        return expenses == null ? List.of() : expenses;
    }
}
