package jp.otasuke.notify.people;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import jp.otasuke.common.outbound.OutboundUrlPolicy;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.secrets.SecretBox;
import jp.otasuke.common.security.Caller;
import jp.otasuke.contract.security.Roles;

/** Each person keeps their own wishes: how to be told, in which language, and when not to be woken. */
@Path("/api/v1/me/preferences")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SOC_OPERATOR, Roles.FIELD_ENGINEER, Roles.SME_USER})
public class PreferenceResource {

    /** Quiet hours in Asia/Tokyo, "HH:mm"; overnight (22:00 to 07:00) is fine. */
    public record QuietHours(String from, String until) {
    }

    /** {@code chatWebhook}: a new address (write-only), null to keep the one stored, "" to remove it. */
    public record Wishes(@NotNull @Size(min = 1, max = 2) List<String> channels, String language, QuietHours quietHours,
            @Size(max = 2000) String chatWebhook) {
    }

    public record View(String username, List<String> channels, String language, QuietHours quietHours, boolean chatWebhookSet,
            Instant updatedAt) {
        static View of(Preference p) {
            return new View(p.username, p.channels, p.language, p.quietFrom == null ? null
                    : new QuietHours(p.quietFrom.toString(), p.quietUntil.toString()), p.chatWebhookSealed != null, p.updatedAt);
        }
    }

    private final Caller caller;
    private final SecretBox secrets;
    private final OutboundUrlPolicy urlPolicy;

    PreferenceResource(Caller caller, SecretBox secrets, OutboundUrlPolicy urlPolicy) {
        this.caller = caller;
        this.secrets = secrets;
        this.urlPolicy = urlPolicy;
    }

    @GET
    public View mine() {
        return View.of(Preference.of(caller.username()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public View keep(@Valid @NotNull Wishes wishes) {
        Preference preference = Preference.of(caller.username());
        LinkedHashSet<String> channels = new LinkedHashSet<>();
        for (String channel : wishes.channels()) {
            if (!Preference.EMAIL.equals(channel) && !Preference.CHAT.equals(channel)) {
                throw ProblemException.badField("channels", "channels are EMAIL and CHAT, not " + channel);
            }
            channels.add(channel);
        }
        preference.tenantId = caller.is(Roles.SME_USER) ? caller.requireTenantId() : null;
        String language = wishes.language() == null ? "ja" : wishes.language().toLowerCase(Locale.ROOT);
        if (!language.equals("ja") && !language.equals("en")) {
            throw ProblemException.badField("language", "language is ja or en");
        }
        if (wishes.chatWebhook() != null) {
            preference.chatWebhookSealed = wishes.chatWebhook().isBlank() ? null : sealed(wishes.chatWebhook());
        }
        if (channels.contains(Preference.CHAT) && preference.chatWebhookSealed == null) {
            throw ProblemException.badField("chatWebhook", "CHAT needs a chat webhook address (Slack or Teams incoming webhook)");
        }
        if (wishes.quietHours() == null) {
            preference.quietFrom = null;
            preference.quietUntil = null;
        } else {
            preference.quietFrom = time("quietHours.from", wishes.quietHours().from());
            preference.quietUntil = time("quietHours.until", wishes.quietHours().until());
            if (preference.quietFrom.equals(preference.quietUntil)) {
                throw ProblemException.badField("quietHours.until", "quiet hours must end at another time than they begin");
            }
        }
        preference.channels = List.copyOf(channels);
        preference.language = language;
        preference.updatedAt = Instant.now();
        if (!preference.isPersistent()) {
            preference.persist();
        }
        return View.of(preference);
    }

    private String sealed(String url) {
        try {
            return secrets.seal(urlPolicy.check(url).toString());
        } catch (OutboundUrlPolicy.Refused refused) {
            throw ProblemException.badField("chatWebhook", refused.getMessage().replaceFirst("^url", "chatWebhook"));
        }
    }

    private static LocalTime time(String field, String value) {
        try {
            return LocalTime.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, field + " is a time of day like 22:00");
        }
    }
}
