package jp.otasuke.triage.incident;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.otasuke.common.events.Enums.Resolution;
import jp.otasuke.common.events.Enums.Urgency;
import jp.otasuke.triage.timeline.Visibility;

/** The bodies of the SOC's steps (API.md, triage-service). */
public final class IncidentRequests {

    private IncidentRequests() {
    }

    public record Assign(@NotBlank @Size(max = 100) String assignee) {
    }

    public record Comment(@NotBlank @Size(max = 4000) String text, @NotNull Visibility visibility) {
    }

    public record OnsiteRequest(@NotBlank @Size(max = 1000) String reason, @NotNull Urgency urgency,
            @Size(max = 10) List<@NotBlank @Size(max = 50) String> requiredSkills) {
    }

    public record Resolve(@NotNull Resolution resolution, @NotBlank @Size(max = 4000) String summary) {
    }

    public record Merge(@NotNull UUID incidentId) {
    }

    /** Which alerts leave: these ids, or every alert about one host (exactly one of the two). */
    public record Detach(@Size(max = 500) List<@NotNull UUID> alertIds, @Size(max = 255) String host) {
    }
}
