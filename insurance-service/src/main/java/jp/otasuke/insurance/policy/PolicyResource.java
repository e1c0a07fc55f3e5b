package jp.otasuke.insurance.policy;

import java.net.URI;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jp.otasuke.common.events.Enums.CostType;
import jp.otasuke.common.paging.Page;
import jp.otasuke.common.problem.Problem;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.security.Caller;
import jp.otasuke.common.security.Roles;
import jp.otasuke.common.tenants.KnownTenant;

/** Policies: the administrator sees all, an insurer only the policies it underwrites. */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    // the insurers with a client in the realm; a policy for any other could never be handled by anyone
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "otasuke.insurers")
    java.util.List<String> knownInsurers;

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
            throw ProblemException.unprocessable("The per-incident limit cannot exceed the annual aggregate");
        }
        if (!knownInsurers.contains(request.insurerId())) {
            throw ProblemException.unprocessableField("insurerId",
                    "insurerId must be one of the insurers the platform works with: " + knownInsurers);
        }
        if (KnownTenant.findById(request.tenantId()) == null) {
            throw ProblemException.unprocessable("Tenant " + request.tenantId() + " is not known (yet) to insurance-service");
        }
        if (Policy.count("insurerId = ?1 and policyNumber = ?2", request.insurerId(), request.policyNumber()) > 0) {
            throw ProblemException.conflict("Policy " + request.policyNumber() + " of " + request.insurerId() + " exists already");
        }
        if (Policy.count("tenantId = ?1 and startsOn <= ?2 and endsOn >= ?3", request.tenantId(), request.endsOn(),
                request.startsOn()) > 0) {
            throw ProblemException.conflict("The tenant already has a policy for part of this period");
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
        String insurer = caller.is(Roles.PLATFORM_ADMIN) ? null : caller.requireInsurerId();
        int size = Page.limit(limit);
        return Page.of(Policy.page(insurer, Page.after(cursor), size + 1), size, PolicyView::of, p -> p.id);
    }
}
