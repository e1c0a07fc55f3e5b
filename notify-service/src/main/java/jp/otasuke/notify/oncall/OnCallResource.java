package jp.otasuke.notify.oncall;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.otasuke.common.accounts.UserAccounts;
import jp.otasuke.common.http.PublicLinks;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.security.Caller;
import jp.otasuke.contract.security.Roles;

/**
 * The SOC's on-call schedule: a weekly rotation of soc-operators with overrides, kept by platform-admin; the SOC
 * reads who is on call now and next.
 */
@Path("/api/v1/on-call")
@Produces(MediaType.APPLICATION_JSON)
public class OnCallResource {

    public record RotationRequest(@NotNull @Size(min = 1, max = 50) List<@NotBlank String> members, @NotBlank String startsAt,
            @Min(1) @Max(28) Integer turnDays) {
    }

    public record OverrideRequest(@NotBlank String username, @NotBlank String startsAt, @NotBlank String endsAt) {
    }

    public record OverrideView(UUID id, String username, Instant startsAt, Instant endsAt, String createdBy) {
        static OverrideView of(OnCallOverride o) {
            return new OverrideView(o.id, o.username, o.startsAt, o.endsAt, o.createdBy);
        }
    }

    public record RotationView(List<String> members, Instant startsAt, int turnDays, String updatedBy, Instant updatedAt) {
    }

    /**
     * {@code onCallNow} is null when nobody is on call (no rotation and no override); {@code turnEndsAt} is when the one
     * on call now stops being so (their override's end, or their turn's).
     */
    public record Schedule(String onCallNow, Instant turnEndsAt, RotationView rotation, List<OverrideView> overrides) {
    }

    private final Caller caller;
    private final UserAccounts accounts;
    private final OnCall onCall;
    private final PublicLinks links;

    OnCallResource(Caller caller, UserAccounts accounts, OnCall onCall, PublicLinks links) {
        this.caller = caller;
        this.accounts = accounts;
        this.onCall = onCall;
        this.links = links;
    }

    /** Who is on call now, the rotation, and the overrides not yet over. */
    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SOC_OPERATOR})
    public Schedule schedule() {
        Instant now = Instant.now();
        Rotation rotation = Rotation.current().orElse(null);
        List<OverrideView> overrides = OnCallOverride.<OnCallOverride>list("endsAt > ?1 order by startsAt", now).stream()
                .map(OverrideView::of).toList();
        Optional<OnCall.Turn> turn = onCall.turnAt(now);
        return new Schedule(turn.map(OnCall.Turn::username).orElse(null), turn.map(OnCall.Turn::until).orElse(null),
                rotation == null ? null : new RotationView(rotation.members, rotation.startsAt, rotation.turnDays,
                        rotation.updatedBy, rotation.updatedAt), overrides);
    }

    /**
     * Replaces the rotation; every member must be a soc-operator. Keycloak is asked before the transaction, not in it;
     * two administrators saving at once are saved one after the other (the rotation is one row, made by the first).
     */
    @PUT
    @Path("/rotation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Schedule rotation(@Valid @NotNull RotationRequest request) {
        Set<String> operators = accounts.withRoleOrUnavailable(Roles.SOC_OPERATOR);
        for (String member : request.members()) {
            if (!operators.contains(member)) {
                throw ProblemException.badField("members", member + " is not a SOC operator");
            }
        }
        if (Set.copyOf(request.members()).size() != request.members().size()) {
            throw ProblemException.badField("members", "a member is named twice");
        }
        Instant startsAt = instant("startsAt", request.startsAt());
        String by = caller.username();
        QuarkusTransaction.requiringNew().run(() -> {
            Rotation.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('on-call rotation'))")
                    .getSingleResult();
            Rotation rotation = Rotation.current().orElseGet(Rotation::new);
            rotation.members = List.copyOf(request.members());
            rotation.startsAt = startsAt;
            rotation.turnDays = request.turnDays() == null ? 7 : request.turnDays();
            rotation.updatedBy = by;
            rotation.updatedAt = Instant.now();
            if (!rotation.isPersistent()) {
                rotation.persist();
            }
        });
        return schedule();
    }

    /** 201: someone on call instead of the rotation from startsAt until endsAt. */
    @POST
    @Path("/overrides")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Response override(@Valid @NotNull OverrideRequest request) {
        if (!accounts.withRoleOrUnavailable(Roles.SOC_OPERATOR).contains(request.username())) {
            throw ProblemException.badField("username", request.username() + " is not a SOC operator");
        }
        OnCallOverride o = new OnCallOverride();
        o.id = UUID.randomUUID();
        o.username = request.username();
        o.startsAt = instant("startsAt", request.startsAt());
        o.endsAt = instant("endsAt", request.endsAt());
        if (!o.endsAt.isAfter(o.startsAt)) {
            throw ProblemException.badField("endsAt", "endsAt must be after startsAt");
        }
        o.createdBy = caller.username();
        o.createdAt = Instant.now();
        QuarkusTransaction.requiringNew().run(o::persist); // Keycloak was asked above, outside any transaction
        return links.created("/api/v1/on-call/overrides/" + o.id).entity(OverrideView.of(o)).build();
    }

    /** One override (the one a 201's Location names). */
    @GET
    @Path("/overrides/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SOC_OPERATOR})
    public OverrideView override(@PathParam("id") UUID id) {
        return OnCallOverride.<OnCallOverride>findByIdOptional(id).map(OverrideView::of)
                .orElseThrow(() -> ProblemException.notFound("override " + id));
    }

    @DELETE
    @Path("/overrides/{id}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Transactional
    public void removeOverride(@PathParam("id") UUID id) {
        if (!OnCallOverride.deleteById(id)) {
            throw ProblemException.notFound("override " + id);
        }
    }

    private static Instant instant(String field, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, field + " is a time with its offset, e.g. 2026-12-07T09:00:00+09:00");
        }
    }
}
