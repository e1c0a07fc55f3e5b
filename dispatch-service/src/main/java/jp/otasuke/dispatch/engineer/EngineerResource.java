package jp.otasuke.dispatch.engineer;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import jp.otasuke.common.paging.Page;
import jp.otasuke.common.security.Roles;

/** The roster of field engineers, for the provider's staff. */
@Path("/api/v1/engineers")
@Produces(MediaType.APPLICATION_JSON)
public class EngineerResource {

    /** An engineer as the API shows it. */
    public record EngineerView(UUID id, String name, String email, String username, double homeLatitude,
            double homeLongitude, List<String> skills, List<String> shiftDays, LocalTime shiftStart, LocalTime shiftEnd,
            boolean active) {

        static EngineerView of(Engineer e) {
            return new EngineerView(e.id, e.name, e.email, e.username, e.homeLatitude, e.homeLongitude, e.skills,
                    e.shiftDays, e.shiftStart, e.shiftEnd, e.active);
        }
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SOC_OPERATOR})
    public Page<EngineerView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        return Page.of(Engineer.page(Page.after(cursor), size + 1), size, EngineerView::of, e -> e.id);
    }
}
