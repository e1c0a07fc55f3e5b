package jp.otasuke.ingest.consultation;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jp.otasuke.common.events.ConsultationOpened;
import jp.otasuke.common.outbox.Outbox;
import jp.otasuke.common.paging.Keyset;
import jp.otasuke.common.paging.Page;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.security.Caller;
import jp.otasuke.contract.security.Roles;
import jp.otasuke.ingest.tenant.Tenant;

/** The consultation desk: an SME user asks for help; the SOC sees every request in its queue. */
@Path("/api/v1/consultations")
@Produces(MediaType.APPLICATION_JSON)
public class ConsultationResource {

    // 201 Location from the configured public URL, not from the Host header
    @jakarta.inject.Inject
    jp.otasuke.common.http.PublicLinks links;

    public record OpenConsultationRequest(
            @NotBlank @Size(max = 200) String subject,
            @NotBlank @Size(max = 10_000) String body,
            @Size(max = 30) @Pattern(regexp = "[0-9+\\-() ]*", message = "must be a phone number") String contactPhone) {
    }

    public record ConsultationView(UUID id, UUID tenantId, String subject, String body, String contactPhone,
            String status, String openedBy, Instant createdAt) {

        static ConsultationView of(Consultation c) {
            return new ConsultationView(c.id, c.tenantId, c.subject, c.body, c.contactPhone, c.status, c.openedBy, c.createdAt);
        }
    }

    private final Caller caller;
    private final Outbox outbox;

    ConsultationResource(Caller caller, Outbox outbox) {
        this.caller = caller;
        this.outbox = outbox;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SME_USER)
    @Transactional
    public Response open(@NotNull @Valid OpenConsultationRequest request) {
        UUID tenantId = caller.requireTenantId();
        if (Tenant.findById(tenantId) == null) {
            throw ProblemException.notFound("Tenant " + tenantId);
        }
        Consultation c = new Consultation();
        c.id = UUID.randomUUID();
        c.tenantId = tenantId;
        c.subject = request.subject();
        c.body = request.body();
        c.contactPhone = request.contactPhone();
        c.status = Consultation.OPEN;
        c.openedBy = caller.username();
        c.createdAt = Instant.now();
        c.persist();
        outbox.publish(new ConsultationOpened(UUID.randomUUID(), c.createdAt, c.id, tenantId, c.subject, c.body,
                c.contactPhone, c.openedBy));
        return links.created("/api/v1/consultations/" + c.id).entity(ConsultationView.of(c)).build();
    }

    @GET
    @RolesAllowed({Roles.SME_USER, Roles.SOC_OPERATOR})
    public Page<ConsultationView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return scoped(Keyset.page(limit, cursor))
                .list((query, values) -> Consultation.<Consultation>find(query, values), ConsultationView::of, c -> c.id);
    }

    /** One consultation: the SME's own (another company's is not found), any for the SOC. */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SME_USER, Roles.SOC_OPERATOR})
    public ConsultationView get(@PathParam("id") UUID id) {
        return scoped(Keyset.one()).where("id = :id", "id", id)
                .first((query, values) -> Consultation.<Consultation>find(query, values)).map(ConsultationView::of)
                .orElseThrow(() -> ProblemException.notFound("Consultation " + id));
    }

    private Keyset scoped(Keyset query) {
        return query.scope("tenantId", caller.is(Roles.SOC_OPERATOR) ? null : caller.requireTenantId());
    }
}
