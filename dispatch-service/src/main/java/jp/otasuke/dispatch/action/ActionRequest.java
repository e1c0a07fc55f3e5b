package jp.otasuke.dispatch.action;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.otasuke.dispatch.cost.VisitReport;

/**
 * One step the engineer took, possibly offline: {@code opId} is chosen by the phone once per step (a replay
 * carries the same id), {@code at} is when it happened on the phone.
 */
public record ActionRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "letters, digits and . _ : - only") String opId,
        @NotNull Type type,
        @NotNull Instant at,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Size(max = 1000) String reason,
        @Valid VisitReport report) {

    public enum Type { ACCEPT, DECLINE, DEPART, ARRIVE, COMPLETE }
}
