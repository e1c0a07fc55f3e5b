package jp.otasuke.ingest.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.ingest.intake.format.AlertFormat;
import jp.otasuke.ingest.intake.format.Canonical;
import jp.otasuke.ingest.intake.format.LineParser;
import jp.otasuke.ingest.intake.format.Lines;
import jp.otasuke.ingest.sensor.Sensor;
import jp.otasuke.ingest.sensor.SensorAdmission;

/**
 * {@code POST /api/v1/alerts}: a sensor sends canonical JSON (one alert or an array) or lines of any
 * supported format. It authenticates with its own key ({@code X-Sensor-Key}), not a Keycloak token.
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class AlertResource {

    private final AlertIntake intake;
    private final SensorAdmission admission;
    private final ObjectMapper json;

    AlertResource(AlertIntake intake, SensorAdmission admission, ObjectMapper json) {
        this.intake = intake;
        this.admission = admission;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response canonical(@HeaderParam("X-Sensor-Key") String key, @HeaderParam("Content-Length") Long length,
            InputStream in) {
        Sensor sensor = admission.admit(key, length);
        byte[] body = read(in, length);
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw ProblemException.badRequest("The body is not valid JSON: send one alert object or an array of them");
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw ProblemException.badRequest("Send one alert object or an array of them");
        }
        List<AlertIntake.Numbered> batch = new ArrayList<>();
        if (root.isObject()) {
            batch.add(new AlertIntake.Numbered(1, Canonical.parse(root, root.toString())));
        } else {
            for (int i = 0; i < root.size(); i++) {
                batch.add(new AlertIntake.Numbered(i + 1, Canonical.parse(root.get(i), root.get(i).toString())));
            }
        }
        return take(sensor, batch);
    }

    @POST
    @Consumes({"application/x-ndjson", MediaType.TEXT_PLAIN})
    public Response lines(@HeaderParam("X-Sensor-Key") String key, @QueryParam("format") String format,
            @HeaderParam("Content-Length") Long length, InputStream in) {
        Sensor sensor = admission.admit(key, length);
        AlertFormat alertFormat = AlertFormat.of(format).orElseThrow(() -> ProblemException.badRequest(
                "Unknown format '" + format + "': use one of " + AlertFormat.names()));
        LineParser parser = alertFormat.newParser();
        List<AlertIntake.Numbered> batch = new ArrayList<>();
        for (Lines.NumberedLine line : Lines.split(read(in, length))) {
            batch.add(new AlertIntake.Numbered(line.number(), parser.parse(line.text())));
        }
        return take(sensor, batch);
    }

    /**
     * The body in one array of the length the request declared. RESTEasy's byte[] reader gathered it in buffers of 8 KiB
     * and copied them into the array, allocating three bytes for each byte received: a fifth of the Suricata path's
     * garbage (JFR, 2026-12-06). A body sent in chunks has no declared length; Vert.x caps it at max-body-size, and
     * its size is checked once read.
     */
    private byte[] read(InputStream in, Long declaredLength) {
        try {
            if (declaredLength == null) {
                byte[] body = in.readAllBytes();
                admission.checkSize(body.length);
                return body;
            }
            byte[] body = new byte[declaredLength.intValue()];
            int read = in.readNBytes(body, 0, body.length);
            return read == body.length ? body : Arrays.copyOf(body, read);
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read: " + e.getMessage());
        }
    }

    private Response take(Sensor sensor, List<AlertIntake.Numbered> batch) {
        try {
            return Response.accepted(intake.take(sensor, batch, "http")).build();
        } catch (AlertPublisher.KafkaUnavailable e) {
            Log.warnf("Kafka did not acknowledge %d records of sensor %s: %s", batch.size(), sensor.id, e.getMessage());
            throw ProblemException.unavailable(
                    "The event store did not acknowledge the alerts; nothing was accepted. Send them again.", 5);
        }
    }
}
