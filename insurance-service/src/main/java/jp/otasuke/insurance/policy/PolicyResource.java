package jp.otasuke.insurance.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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

import jp.otasuke.common.events.Enums.CostType;
import jp.otasuke.common.paging.Keyset;
import jp.otasuke.common.paging.Page;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.problem.Refusal;
import jp.otasuke.common.security.Caller;
import jp.otasuke.common.tenants.KnownTenant;
import jp.otasuke.contract.problem.Problem;
import jp.otasuke.contract.security.Roles;
import jp.otasuke.insurance.InsuranceConfig;

/** Policies: the administrator sees all, an insurer only the policies it underwrites. */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    // the insurers with a client in the realm; a policy for any other could never be handled by anyone
    @jakarta.inject.Inject
    InsuranceConfig config;

    // 201 Location from the configured public URL, not from the Host header
    @jakarta.inject.Inject
    jp.otasuke.common.http.PublicLinks links;

    /** A policy as the API shows it. */
    public record PolicyView(UUID id, UUID tenantId, String insurerId, String policyNumber, LocalDate startsOn,
            LocalDate endsOn, long perIncidentLimitYen, long annualAggregateLimitYen, long deductibleYen,
            List<String> coveredCostTypes) {

        static PolicyView of(Policy p) {
            return new PolicyView(p.id, p.tenantId, p.insurerId, p.policyNumber, p.startsOn, p.endsOn,
                    p.perIncidentLimitYen, p.annualAggregateLimitYen, p.deductibleYen, p.coveredCostTypes);
        }
    }

    private final Caller caller;

    PolicyResource(Caller caller) {
        this.caller = caller;
    }

    /** {@code POST /policies} (API.md): the tenant must be known (from the tenants topic); the period must make sense. */
    public record NewPolicy(@NotNull UUID tenantId, @NotBlank @Size(max = 50) String insurerId,
            @NotBlank @Size(max = 100) String policyNumber, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
            @NotNull @PositiveOrZero Long perIncidentLimitYen, @NotNull @PositiveOrZero Long annualAggregateLimitYen,
            @NotNull @PositiveOrZero Long deductibleYen, @NotEmpty List<@NotNull CostType> coveredCostTypes) {
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(@Valid @NotNull NewPolicy request) {
        if (!request.endsOn().isAfter(request.startsOn())) {
            throw new ProblemException(400, "Bad Request", "The policy must end after it starts",
                    List.of(new Problem.FieldError("endsOn", "must be after startsOn")));
        }
        if (request.perIncidentLimitYen() > request.annualAggregateLimitYen()) {
            throw Refusal.unprocessable("policy.limit-over-aggregate", "The per-incident limit cannot exceed the annual aggregate",
                    "perIncidentLimitYen", request.perIncidentLimitYen(), "annualAggregateLimitYen",
                    request.annualAggregateLimitYen()).problem();
        }
        if (!config.insurers().contains(request.insurerId())) {
            throw Refusal.unprocessable("policy.insurer-unknown",
                    "insurerId must be one of the insurers the platform works with: " + config.insurers(),
                    "insurerId", request.insurerId(), "known", String.join(", ", config.insurers())).atField("insurerId").problem();
        }
        if (KnownTenant.findById(request.tenantId()) == null) {
            throw Refusal.unprocessable("policy.tenant-unknown", "Tenant " + request.tenantId()
                    + " is not known (yet) to insurance-service", "tenant", request.tenantId()).problem();
        }
        if (Policy.count("insurerId = ?1 and policyNumber = ?2", request.insurerId(), request.policyNumber()) > 0) {
            throw Refusal.conflict("policy.number-taken", "Policy " + request.policyNumber() + " of " + request.insurerId()
                    + " exists already", "policyNumber", request.policyNumber()).atField("policyNumber").problem();
        }
        if (Policy.count("tenantId = ?1 and startsOn <= ?2 and endsOn >= ?3", request.tenantId(), request.endsOn(),
                request.startsOn()) > 0) {
            throw Refusal.conflict("policy.period-overlaps", "The tenant already has a policy for part of this period",
                    "tenant", request.tenantId()).problem();
        }
        Policy policy = new Policy();
        policy.id = UUID.randomUUID();
        policy.tenantId = request.tenantId();
        policy.insurerId = request.insurerId();
        policy.policyNumber = request.policyNumber();
        policy.startsOn = request.startsOn();
        policy.endsOn = request.endsOn();
        policy.perIncidentLimitYen = request.perIncidentLimitYen();
        policy.annualAggregateLimitYen = request.annualAggregateLimitYen();
        policy.deductibleYen = request.deductibleYen();
        policy.coveredCostTypes = request.coveredCostTypes().stream().distinct().map(Enum::name).toList();
        policy.persist();
        return links.created("/api/v1/policies/" + policy.id).entity(PolicyView.of(policy)).build();
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.INSURER})
    public Page<PolicyView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return scoped(Keyset.page(limit, cursor))
                .list((query, values) -> Policy.<Policy>find(query, values), PolicyView::of, p -> p.id);
    }

    /** One policy: any for the provider, an insurer's own (another insurer's is not found). */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.INSURER})
    public PolicyView get(@PathParam("id") UUID id) {
        return scoped(Keyset.one()).where("id = :id", "id", id).first((query, values) -> Policy.<Policy>find(query, values))
                .map(PolicyView::of).orElseThrow(() -> ProblemException.notFound("Policy " + id));
    }

    private Keyset scoped(Keyset query) {
        return query.scope("insurerId", caller.is(Roles.PLATFORM_ADMIN) ? null : caller.requireInsurerId());
    }
}
