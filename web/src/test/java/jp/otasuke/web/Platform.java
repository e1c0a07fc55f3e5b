package jp.otasuke.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.otasuke.infra.platform.PackagedService;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.Tokens;

/** The world a browser test needs, made through the services' public API as an administrator and a sensor would. */
final class Platform {

    static final String SME_PASSWORD = "correct-horse-battery";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Sme(String tenantId, String name, String username, String sensorKey) {
    }

    private Platform() {
    }

    /** An SME in Osaka (Umeda) onboarded by ops-admin, with an HTTP sensor. */
    static Sme onboardSme() {
        return onboardSme(34.7025, 135.4959);
    }

    /**
     * The same at other coordinates: each browser test that needs an engineer's visit puts its SME and its engineer
     * somewhere of their own, so the planner never gives one test's job to another test's engineer.
     */
    static Sme onboardSme(double latitude, double longitude) {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String admin = Tokens.forUser(TestServers.keycloak().realmUrl(), "ops-admin");
        String name = "大阪精密工業 " + unique;
        JsonNode tenant = call("POST", PackagedService.INGEST, "/api/v1/tenants", admin, Map.of("name", name,
                "industry", "精密加工", "contactEmail", "it-" + unique + "@osaka-seimitsu.example", "contactPhone", "06-6123-4567",
                "site", Map.of("postalCode", "530-0001", "prefecture", "大阪府", "address", "大阪市北区梅田1-1-1",
                        "latitude", latitude, "longitude", longitude),
                "plan", Map.of("type", "COMBINED", "endpointCount", 5, "monthlyFeeYen", 19_800),
                "admin", Map.of("email", "owner-" + unique + "@osaka-seimitsu.example", "name", "田中 一郎",
                        "initialPassword", SME_PASSWORD)), Map.of(), 201);
        String tenantId = tenant.get("id").asText();
        JsonNode sensor = call("POST", PackagedService.INGEST, "/api/v1/tenants/" + tenantId + "/sensors", admin,
                Map.of("kind", "NETWORK", "name", "Suricata"), Map.of(), 201);
        return new Sme(tenantId, name, tenant.get("adminUsername").asText(), sensor.get("apiKey").asText());
    }

    /**
     * A field engineer onboarded by ops-admin, based in Sapporo (far from every test's SME, so the planner gives
     * them no job); signs in with the e-mail and {@link #SME_PASSWORD}.
     */
    static String onboardEngineer() {
        return onboardEngineer(43.0618, 141.3545, java.util.List.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "18:00");
    }

    /** An engineer at this home base, on this shift, with every skill. */
    static String onboardEngineer(double latitude, double longitude, java.util.List<String> days, String start, String end) {
        return onboardEngineer("佐藤 健二", latitude, longitude, java.util.List.of("endpoint", "network", "forensics", "general"),
                days, start, end);
    }

    /** An engineer of this name at this home base, with these skills only, on this shift. */
    static String onboardEngineer(String name, double latitude, double longitude, java.util.List<String> skills,
            java.util.List<String> days, String start, String end) {
        String email = "eng-" + UUID.randomUUID().toString().substring(0, 6) + "@otasuke.example";
        JsonNode engineer = call("POST", PackagedService.DISPATCH, "/api/v1/engineers", admin(),
                Map.of("name", name, "email", email, "homeBase", Map.of("latitude", latitude, "longitude", longitude),
                        "skills", skills,
                        "shift", Map.of("days", days, "start", start, "end", end), "initialPassword", SME_PASSWORD), Map.of(), 201);
        ENGINEERS.put(email, engineer.get("id").asText());
        return email;
    }

    /** Engineers onboarded here: e-mail → id, so a test waits for its job to be planned for its own engineer. */
    private static final Map<String, String> ENGINEERS = new java.util.concurrent.ConcurrentHashMap<>();

    static String admin() {
        return Tokens.forUser(TestServers.keycloak().realmUrl(), "ops-admin");
    }

    static String soc() {
        return Tokens.forUser(TestServers.keycloak().realmUrl(), "soc-1");
    }

    /** The bundled insurance (INS-A) for the SME, once insurance knows the tenant from the tenants topic. */
    static void insure(Sme sme) {
        int year = java.time.Year.now().getValue();
        Map<String, Object> policy = Map.of("tenantId", sme.tenantId(), "insurerId", "INS-A",
                "policyNumber", "OTS-" + sme.tenantId().substring(0, 8), "startsOn", year + "-01-01", "endsOn", year + "-12-31",
                "perIncidentLimitYen", 300_000, "annualAggregateLimitYen", 1_000_000, "deductibleYen", 5_000,
                "coveredCostTypes", java.util.List.of("LABOR", "TRAVEL", "EXPENSE"));
        await("insurance to know the tenant", () -> {
            try {
                call("POST", PackagedService.INSURANCE, "/api/v1/policies", admin(), policy, Map.of(), 201);
                return true;
            } catch (AssertionError notYet) {
                return false;
            }
        });
    }

    /**
     * An incident from an alert, acknowledged by soc-1 with an engineer requested, once the job is planned for this
     * engineer; returns {incidentId, jobId}.
     */
    static String[] onsiteJob(Sme sme, String host, String category, String engineer) {
        String engineerId = ENGINEERS.get(engineer);
        alert(sme, host, category, "CRITICAL", category + " on " + host);
        String[] incident = new String[1];
        await("the incident of " + host, () -> {
            for (JsonNode i : call("GET", PackagedService.TRIAGE, "/api/v1/incidents?tenantId=" + sme.tenantId() + "&limit=500",
                    soc(), null, Map.of(), 200).path("items")) {
                if (i.path("hosts").toString().contains(host)) {
                    incident[0] = i.get("id").asText();
                }
            }
            return incident[0] != null;
        });
        call("POST", PackagedService.TRIAGE, "/api/v1/incidents/" + incident[0] + "/acknowledge", soc(), Map.of(), Map.of(), 200);
        await("triage to know the site", () -> {
            try {
                call("POST", PackagedService.TRIAGE, "/api/v1/incidents/" + incident[0] + "/onsite-requests", soc(),
                        Map.of("reason", "現地で端末を隔離する", "urgency", "IMMEDIATE"), Map.of(), 202);
                return true;
            } catch (AssertionError notYet) {
                return false;
            }
        });
        String[] job = new String[1];
        await("a job for " + host + " planned for " + engineer, () -> {
            for (JsonNode j : call("GET", PackagedService.DISPATCH, "/api/v1/jobs?limit=500", soc(), null, Map.of(), 200).path("items")) {
                if (incident[0].equals(j.path("incidentId").asText()) && engineerId.equals(j.path("engineerId").asText())
                        && j.hasNonNull("plannedArrival")) {
                    job[0] = j.get("id").asText();
                }
            }
            return job[0] != null;
        });
        return new String[] {incident[0], job[0]};
    }

    static JsonNode job(String jobId) {
        return call("GET", PackagedService.DISPATCH, "/api/v1/jobs/" + jobId, soc(), null, Map.of(), 200);
    }

    static void await(String what, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited 60 s for " + what);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** One alert from the SME's sensor, as the sensor posts it. */
    static void alert(Sme sme, String host, String category, String severity, String title) {
        String ref = UUID.randomUUID().toString();
        call("POST", PackagedService.INGEST, "/api/v1/alerts", null, Map.of("sourceRef", ref,
                "observedAt", java.time.Instant.now().toString(), "category", category, "severity", severity, "title", title,
                "host", host, "details", Map.of("mitre", "T1486")), Map.of("X-Sensor-Key", sme.sensorKey()), 202);
    }

    static JsonNode call(String method, PackagedService service, String path, String token, Object body,
            Map<String, String> headers, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(WebPlatform.url(service) + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != expected) {
                throw new AssertionError(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body().isEmpty() ? null : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
