package jp.otasuke.insurance.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import jp.otasuke.common.paging.Page;
import jp.otasuke.common.security.Caller;
import jp.otasuke.common.security.Roles;

/** Policies: the administrator sees all, an insurer only the policies it underwrites. */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

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

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.INSURER})
    public Page<PolicyView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        String insurer = caller.is(Roles.PLATFORM_ADMIN) ? null : caller.requireInsurerId();
        int size = Page.limit(limit);
        return Page.of(Policy.page(insurer, Page.after(cursor), size + 1), size, PolicyView::of, p -> p.id);
    }
}
