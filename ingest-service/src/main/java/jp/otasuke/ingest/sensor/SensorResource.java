package jp.otasuke.ingest.sensor;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.logging.Log;
import jp.otasuke.common.events.Enums.SensorKind;
import jp.otasuke.common.paging.Keyset;
import jp.otasuke.common.paging.Page;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.problem.Refusal;
import jp.otasuke.contract.security.Roles;
import jp.otasuke.ingest.tenant.Tenant;

/** Registering, listing and revoking a tenant's sensors. */
@Path("/api/v1/tenants/{tenantId}/sensors")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class SensorResource {

    // 201 Location from the configured public URL, not from the Host header
    @jakarta.inject.Inject
    jp.otasuke.common.http.PublicLinks links;
    @jakarta.inject.Inject
    SensorHealthConfig health;
    @jakarta.inject.Inject
    jp.otasuke.common.security.Caller caller;

    /** {@code expectedEverySeconds}: how often it says anything at worst (default by kind: 900 s network, 3600 s agent). */
    public record RegisterSensorRequest(
            @NotNull SensorKind kind,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 45) @Pattern(regexp = "[0-9a-fA-F.:]+", message = "must be an IPv4 or IPv6 address") String sourceAddress,
            @Min(10) @Max(7 * 24 * 3600) Integer expectedEverySeconds) {
    }

    /** A sensor as the API shows it; {@code apiKey} only in the answer to its registration. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SensorView(UUID id, UUID tenantId, SensorKind kind, String name, String sourceAddress,
            String keyPrefix, String apiKey, Instant createdAt, Instant revokedAt,
            @JsonInclude(JsonInclude.Include.ALWAYS) Instant lastSeenAt, int expectedEverySeconds, Sensor.State state) {

        static SensorView of(Sensor s, String apiKey) {
            return new SensorView(s.id, s.tenantId, s.kind, s.name, s.sourceAddress, s.keyPrefix, apiKey, s.createdAt,
                    s.revokedAt, s.lastSeenAt, s.expectedEverySeconds, s.state(Instant.now()));
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response register(@PathParam("tenantId") UUID tenantId, @NotNull @Valid RegisterSensorRequest request) {
        requireTenant(tenantId);
        if (request.sourceAddress() != null && Sensor.bySourceAddress(request.sourceAddress()).isPresent()) {
            throw Refusal.conflict("sensor.source-address-taken", "Another active sensor already sends syslog from "
                    + request.sourceAddress(), "sourceAddress", request.sourceAddress()).atField("sourceAddress").problem();
        }
        SensorKey key = SensorKey.generate();
        Sensor sensor = new Sensor();
        sensor.id = UUID.randomUUID();
        sensor.tenantId = tenantId;
        sensor.kind = request.kind();
        sensor.name = request.name();
        sensor.sourceAddress = request.sourceAddress();
        sensor.keyHash = key.hash();
        sensor.keyPrefix = key.prefix();
        sensor.createdAt = Instant.now();
        sensor.expectedEverySeconds = request.expectedEverySeconds() != null ? request.expectedEverySeconds()
                : Sensor.defaultExpectedEverySeconds(request.kind());
        // a new sensor has its first interval (and the grace) to say its first word
        sensor.silentAfter = sensor.createdAt.plusSeconds(sensor.expectedEverySeconds).plus(health.grace());
        sensor.persist();
        Log.infof("Registered sensor %s (%s) for tenant %s, key %s", sensor.id, sensor.kind, tenantId, key);
        return links.created("/api/v1/tenants/" + tenantId + "/sensors/" + sensor.id)
                .entity(SensorView.of(sensor, key.value())).build();
    }

    /** The SOC and the provider see every tenant's sensors; an SME its own (another tenant's list is 404). */
    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SOC_OPERATOR, Roles.SME_USER})
    public Page<SensorView> list(@PathParam("tenantId") UUID tenantId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        requireVisibleTenant(tenantId);
        return Keyset.page(limit, cursor).scope("tenantId", tenantId)
                .list((query, values) -> Sensor.<Sensor>find(query, values), s -> SensorView.of(s, null), s -> s.id);
    }

    /** One sensor (the one a 201's Location names), seen as in the list: never its key. */
    @GET
    @Path("/{sensorId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SOC_OPERATOR, Roles.SME_USER})
    public SensorView get(@PathParam("tenantId") UUID tenantId, @PathParam("sensorId") UUID sensorId) {
        requireVisibleTenant(tenantId);
        return Sensor.<Sensor>find("id = ?1 and tenantId = ?2", sensorId, tenantId).firstResultOptional()
                .map(s -> SensorView.of(s, null)).orElseThrow(() -> ProblemException.notFound("Sensor " + sensorId));
    }

    /** Revokes the sensor: its key stops working at once (every request looks the key up). */
    @DELETE
    @Path("/{sensorId}")
    @Transactional
    public Response revoke(@PathParam("tenantId") UUID tenantId, @PathParam("sensorId") UUID sensorId) {
        Sensor sensor = Sensor.findById(sensorId);
        if (sensor == null || !sensor.tenantId.equals(tenantId)) {
            throw ProblemException.notFound("Sensor " + sensorId);
        }
        if (sensor.active()) {
            sensor.revokedAt = Instant.now();
            Log.infof("Revoked sensor %s of tenant %s", sensorId, tenantId);
        }
        return Response.noContent().build();
    }

    /** An SME sees only its own tenant; another one's is not found, like one that does not exist. */
    private void requireVisibleTenant(UUID tenantId) {
        if (caller.is(Roles.SME_USER) && !tenantId.equals(caller.requireTenantId())) {
            throw ProblemException.notFound("Tenant " + tenantId);
        }
        requireTenant(tenantId);
    }

    private static void requireTenant(UUID tenantId) {
        if (Tenant.findById(tenantId) == null) {
            throw ProblemException.notFound("Tenant " + tenantId);
        }
    }
}
