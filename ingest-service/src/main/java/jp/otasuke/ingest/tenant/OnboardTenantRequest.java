package jp.otasuke.ingest.tenant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.otasuke.common.events.Enums.PlanType;
import jp.otasuke.common.json.SingleLine;

/** {@code POST /api/v1/tenants}: everything needed to onboard an SME in one call. */
public record OnboardTenantRequest(
        @NotBlank @SingleLine @Size(max = 200) String name,
        @SingleLine @Size(max = 100) String industry,
        @NotBlank @Email @Size(max = 254) String contactEmail,
        @Size(max = 30) @Pattern(regexp = "[0-9+\\-() ]*", message = "must be a phone number") String contactPhone,
        @NotNull @Valid SiteRequest site,
        @NotNull @Valid PlanRequest plan,
        @NotNull @Valid AdminRequest admin) {

    /** The site an engineer rushes to; coordinates within Japan. */
    public record SiteRequest(
            @NotBlank @Pattern(regexp = "\\d{3}-?\\d{4}", message = "must be a Japanese postal code like 530-0001") String postalCode,
            @NotBlank @SingleLine @Size(max = 20) String prefecture,
            @NotBlank @SingleLine @Size(max = 300) String address,
            @NotNull @DecimalMin("20.0") @DecimalMax("46.0") Double latitude,
            @NotNull @DecimalMin("122.0") @DecimalMax("154.0") Double longitude) {
    }

    public record PlanRequest(
            @NotNull PlanType type,
            @Min(0) @Max(100_000) int endpointCount,
            @NotNull @Min(0) Long monthlyFeeYen) {
    }

    /** The SME's first user; without {@code initialPassword} one is generated and must be changed at first login. */
    public record AdminRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @SingleLine @Size(max = 100) String name,
            @Size(min = 12, max = 128) String initialPassword) {
    }
}
