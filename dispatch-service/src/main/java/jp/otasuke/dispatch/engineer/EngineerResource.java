package jp.otasuke.dispatch.engineer;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jp.otasuke.common.paging.Keyset;
import jp.otasuke.common.paging.Page;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.contract.security.Roles;

/** The roster of field engineers, for the provider's staff. */
@Path("/api/v1/engineers")
@Produces(MediaType.APPLICATION_JSON)
public class EngineerResource {

    // 201 Location from the configured public URL, not from the Host header
    @jakarta.inject.Inject
    jp.otasuke.common.http.PublicLinks links;

    /** An engineer as the API shows it. */
    public record EngineerView(UUID id, String name, String email, String username, double homeLatitude,
            double homeLongitude, List<String> skills, List<String> shiftDays, LocalTime shiftStart, LocalTime shiftEnd,
            boolean active) {

        static EngineerView of(Engineer e) {
            return new EngineerView(e.id, e.name, e.email, e.username, e.homeLatitude, e.homeLongitude, e.skills,
                    e.shiftDays, e.shiftStart, e.shiftEnd, e.active);
        }
    }

    private final EngineerOnboarding onboarding;

    EngineerResource(EngineerOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    /** 201 {id, username, initialPassword?}: the engineer can log in right away. */
    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response onboard(@Valid @NotNull OnboardEngineerRequest request) {
        EngineerOnboarding.Onboarded onboarded = onboarding.onboard(request);
        return links.created("/api/v1/engineers/" + onboarded.id()).entity(onboarded).build();
    }

    /** The engineer a 201's Location names. */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SOC_OPERATOR})
    public EngineerView get(@PathParam("id") UUID id) {
        return Engineer.<Engineer>findByIdOptional(id).map(EngineerView::of)
                .orElseThrow(() -> ProblemException.notFound("Engineer " + id));
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SOC_OPERATOR})
    public Page<EngineerView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return Keyset.page(limit, cursor).list((query, values) -> Engineer.<Engineer>find(query, values), EngineerView::of, e -> e.id);
    }
}
