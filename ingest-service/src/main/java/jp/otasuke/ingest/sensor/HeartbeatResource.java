package jp.otasuke.ingest.sensor;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;


/** {@code POST /api/v1/sensors/heartbeat}: a quiet sensor saying it is still there, without an alert to send. */
@Path("/api/v1/sensors/heartbeat")
@PermitAll // a sensor is no person: its key is checked by the admission
public class HeartbeatResource {

    private final SensorAdmission admission;
    private final SensorSightings sightings;

    HeartbeatResource(SensorAdmission admission, SensorSightings sightings) {
        this.admission = admission;
        this.sightings = sightings;
    }

    @POST
    public Response beat(@HeaderParam("X-Sensor-Key") String key) {
        sightings.seen(admission.admit(key, 0L)); // the same key and rate checks as an alert
        return Response.noContent().build();
    }
}
