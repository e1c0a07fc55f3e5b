package jp.otasuke.dispatch.engineer;

import java.time.LocalTime;
import java.util.List;

import jp.otasuke.common.json.SingleLine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /engineers} (API.md): who, from where, what they can do, when they work. */
public record OnboardEngineerRequest(
        @NotBlank @SingleLine @Size(max = 100) String name,
        @NotBlank @Email @Size(max = 200) String email,
        @NotNull @Valid HomeBase homeBase,
        @NotEmpty @Size(max = 20) List<@NotBlank @SingleLine @Size(max = 50) String> skills,
        @NotNull @Valid ShiftRequest shift,
        @Size(min = 8, max = 100) String initialPassword) {

    public record HomeBase(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    public record ShiftRequest(@NotEmpty List<@NotNull @Pattern(regexp = "MON|TUE|WED|THU|FRI|SAT|SUN",
            message = "must be MON..SUN") String> days, @NotNull LocalTime start, @NotNull LocalTime end) {
    }
}
