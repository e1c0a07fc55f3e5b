package jp.otasuke.insurance.claim;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jp.otasuke.common.events.Enums.ClaimOutcome;
import jp.otasuke.common.paging.Keyset;
import jp.otasuke.common.paging.Page;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.problem.QueryParams;
import jp.otasuke.common.security.Caller;
import jp.otasuke.common.text.Languages;
import jp.otasuke.contract.security.Roles;

/**
 * Claims: an insurer sees its own (never NOT_COVERED ones), an SME its tenant's, the SOC all; another's claim is
 * 404. Insurers decide (If-Match required) and record payments.
 */
@Path("/api/v1/claims")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimResource {

    public record Decision(@NotNull ClaimOutcome outcome, @NotNull @PositiveOrZero Long approvedYen,
            @NotBlank @Size(max = 2000) String reason) {
    }

    public record Payment(@NotNull @PositiveOrZero Long paidYen, @NotBlank @Size(max = 100) String paymentReference,
            @NotNull LocalDate paidOn) {
    }

    private final Caller caller;
    private final ClaimDecisions decisions;

    ClaimResource(Caller caller, ClaimDecisions decisions) {
        this.caller = caller;
        this.decisions = decisions;
    }

    /** {@code updatedSince} lets an insurer's system sync incrementally; pages go by id. */
    @GET
    @RolesAllowed({Roles.INSURER, Roles.SME_USER, Roles.SOC_OPERATOR})
    public Page<ClaimView> list(@QueryParam("status") String status, @QueryParam("updatedSince") String updatedSince,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @HeaderParam("Accept-Language") String language) {
        return scoped(Keyset.page(limit, cursor))
                .where("status = :status", "status", QueryParams.enumValue(ClaimStatus.class, "status", status))
                .where("updatedAt > :since", "since", QueryParams.instant("updatedSince", updatedSince))
                .list((query, values) -> Claim.<Claim>find(query, values), c -> ClaimView.of(c, locale(language)), c -> c.id);
    }

    /** With an ETag: the version a decision must name in If-Match. */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INSURER, Roles.SME_USER, Roles.SOC_OPERATOR})
    public Response get(@PathParam("id") UUID id, @HeaderParam("Accept-Language") String language) {
        Claim claim = scoped(Keyset.one()).where("id = :id", "id", id)
                .first((query, values) -> Claim.<Claim>find(query, values))
                .orElseThrow(() -> ProblemException.notFound("Claim " + id));
        return withTag(claim, language);
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.INSURER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response decide(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("Accept-Language") String language, @Valid @NotNull Decision decision) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "Precondition Required",
                    "Send If-Match with the ETag of the claim you read, so no one else's decision is overwritten");
        }
        Claim claim = decisions.decide(id, caller.requireInsurerId(), ifMatch.strip(), decision.outcome(),
                decision.approvedYen(), decision.reason().strip(), caller.username());
        return withTag(claim, language);
    }

    @POST
    @Path("/{id}/payment")
    @RolesAllowed(Roles.INSURER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response pay(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("Accept-Language") String language, @Valid @NotNull Payment payment) {
        Claim claim = decisions.pay(id, caller.requireInsurerId(), ifMatch == null ? null : ifMatch.strip(),
                payment.paidYen(), payment.paymentReference().strip(), payment.paidOn(), caller.username());
        return withTag(claim, language);
    }

    private Response withTag(Claim claim, String language) {
        return Response.ok(ClaimView.of(claim, locale(language))).tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(claim.version)))
                .build();
    }

    /** The language asked for; asking nothing, an SME reads Japanese and a system (insurer, SOC tools) English. */
    private Locale locale(String acceptLanguage) {
        return Languages.preferred(acceptLanguage, caller.is(Roles.SME_USER) ? Languages.JAPANESE : Languages.ENGLISH);
    }

    /** The SOC sees every claim, an insurer its own (never a NOT_COVERED one), an SME its tenant's. */
    private Keyset scoped(Keyset query) {
        if (caller.is(Roles.SOC_OPERATOR)) {
            return query;
        }
        if (caller.is(Roles.INSURER)) {
            return query.scope("insurerId", caller.requireInsurerId()).where("status <> :hidden", "hidden", ClaimStatus.NOT_COVERED);
        }
        return query.scope("tenantId", caller.requireTenantId());
    }
}
