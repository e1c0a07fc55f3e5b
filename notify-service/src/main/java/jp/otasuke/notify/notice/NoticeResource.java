package jp.otasuke.notify.notice;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import jp.otasuke.common.security.Caller;
import jp.otasuke.common.text.Languages;
import jp.otasuke.contract.security.Roles;

/**
 * Who was told about an incident, when and how. The SOC sees every notice; an SME only those sent to it (another
 * company's incident shows none).
 */
@Path("/api/v1/incidents/{id}/notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    public record NoticeView(UUID id, String audience, String recipient, String about, String subject, String status,
            List<String> channelsSent, int attempts, String lastError, Instant createdAt, Instant sentAt) {
    }

    private final Caller caller;

    NoticeResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SOC_OPERATOR, Roles.SME_USER})
    public List<NoticeView> of(@PathParam("id") UUID incidentId, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        boolean sme = !caller.is(Roles.PLATFORM_ADMIN) && !caller.is(Roles.SOC_OPERATOR);
        Locale language = Languages.preferred(acceptLanguage, sme ? Languages.JAPANESE : Languages.ENGLISH);
        List<Notice> notices = sme
                ? Notice.list("incidentId = ?1 and tenantId = ?2 and audience = ?3 order by createdAt", incidentId,
                        caller.requireTenantId(), Notice.Audience.SME.name())
                : Notice.list("incidentId = ?1 order by createdAt", incidentId);
        return notices.stream().map(n -> new NoticeView(n.id, n.audience, shown(n), n.about,
                n.subject().render("texts.notices", language), n.status, n.channelsSent, n.attempts, sme ? null : n.lastError,
                n.createdAt, n.sentAt)).toList();
    }

    /** A team chat's address is a credential; an SME reads "your contact address", not an id. */
    private static String shown(Notice n) {
        return switch (Notice.RecipientKind.valueOf(n.recipientKind)) {
            case TEAM_CHAT -> "team chat";
            case TENANT -> "SME contact";
            default -> n.recipient;
        };
    }
}
