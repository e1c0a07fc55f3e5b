package jp.otasuke.infra.story;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.otasuke.infra.testing.Tokens;

/**
 * The whole story as the four kinds of users live it, through the public API only: an administrator onboards an
 * SME (plan, site, sensors, insurance policy) and an engineer; the SME's sensors report an attack (real Suricata
 * lines over HTTP, a FortiGate line over syslog); the SOC acknowledges the P1 incident and asks for an engineer;
 * the engineer works the job from the phone; the claim opens by itself; the insurer approves and pays it; the SME
 * reads the whole story in plain words. The demo ({@code ./otasuke --demo}) narrates it; the system tests check it.
 */
public final class Story {

    /** Where the platform answers. */
    public record Endpoints(String ingest, String triage, String dispatch, String insurance, String notices, String realm,
            String syslogHost, int syslogPort) {
    }

    /**
     * Where the SME sits and where its engineer starts from. The demo plays in Umeda; a test that shares its platform
     * with other tests' engineers plays somewhere of its own, so the planner never mixes their jobs.
     */
    public record Place(String postalCode, String prefecture, String address, double latitude, double longitude,
            double engineerLatitude, double engineerLongitude) {

        public static final Place UMEDA = new Place("530-0001", "大阪府", "大阪市北区梅田1-1-1", 34.7025, 135.4959, 34.6937, 135.5023);
    }

    /** What the story made, for whoever wants to look further. */
    public record Told(UUID tenantId, String smeName, String smeUser, String smePassword, String smeContactEmail,
            UUID incidentId, UUID jobId, UUID claimId, String claimNumber, String engineerUser, long paidYen,
            List<String> smeTimeline) {
    }

    /** Moments a benchmark times the platform from (the time-to-help benchmark); the demo and the tests ignore them. */
    public interface Milestones {
        Milestones NONE = (what, at, tenantId) -> { };

        /** {@code what}: "smeKnown" (onboarded, mailbox known), "alertsSent", "jobCompleted". */
        void reached(String what, Instant at, UUID tenantId);
    }

    static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String PASSWORD = "Otasuke-Demo-2026";
    private final Endpoints api;
    private final Consumer<String> say;
    private final Place place;
    private Milestones milestones = Milestones.NONE;

    public Story(Endpoints api, Consumer<String> say) {
        this(api, say, Place.UMEDA);
    }

    public Story(Endpoints api, Consumer<String> say, Place place) {
        this.api = api;
        this.say = say;
        this.place = place;
    }

    public Story timedBy(Milestones milestones) {
        this.milestones = milestones;
        return this;
    }

    /** Plays the story; {@code webhookUrl} (may be null) is registered for insurer-a before the claim exists. */
    public Told play(String webhookUrl) {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String admin = Tokens.forUser(api.realm(), "ops-admin");

        say.accept("1. ops-admin onboards Osaka Seimitsu (COMBINED plan, 5 PCs, ¥19,800/month: within the Otasuke-tai caps)");
        String smeEmail = "owner-" + unique + "@osaka-seimitsu.example";
        String smeName = "Osaka Seimitsu " + unique;
        JsonNode tenant = Api.expect(201, Api.call("POST", api.ingest() + "/api/v1/tenants", admin, Map.of(
                "name", smeName, "industry", "precision machining", "contactEmail", smeEmail,
                "contactPhone", "06-6123-4567",
                "site", Map.of("postalCode", place.postalCode(), "prefecture", place.prefecture(), "address", place.address(),
                        "latitude", place.latitude(), "longitude", place.longitude()),
                "plan", Map.of("type", "COMBINED", "endpointCount", 5, "monthlyFeeYen", 19_800),
                "admin", Map.of("email", smeEmail, "name", "Tanaka", "initialPassword", PASSWORD)), Map.of()), "onboard the SME");
        UUID tenantId = UUID.fromString(tenant.get("id").asText());
        String smeUser = tenant.get("adminUsername").asText();
        say.accept("   tenant " + tenantId + ", SME login " + smeUser + " / " + PASSWORD);

        JsonNode sensor = Api.expect(201, Api.call("POST", api.ingest() + "/api/v1/tenants/" + tenantId + "/sensors", admin,
                Map.of("kind", "NETWORK", "name", "Suricata on the office router"), Map.of()), "register the IDS sensor");
        String sensorKey = sensor.get("apiKey").asText();
        Api.Answer syslogSensor = Api.call("POST", api.ingest() + "/api/v1/tenants/" + tenantId + "/sensors", admin,
                Map.of("kind", "NETWORK", "name", "FortiGate UTM", "sourceAddress", "127.0.0.1"), Map.of());
        boolean syslog = syslogSensor.status() == 201;
        say.accept("   sensors: Suricata (HTTP, key shown once)" + (syslog ? ", FortiGate (syslog from 127.0.0.1)"
                : " — another sensor already sends syslog from 127.0.0.1, so the FortiGate line is left out"));

        say.accept("2. ops-admin onboards field engineer Sato Kenji (Osaka, all skills, on shift around the clock)");
        String engineerEmail = "sato-" + unique + "@otasuke.example";
        Api.expect(201, Api.call("POST", api.dispatch() + "/api/v1/engineers", admin, Map.of("name", "Sato Kenji",
                "email", engineerEmail, "homeBase", Map.of("latitude", place.engineerLatitude(), "longitude", place.engineerLongitude()),
                "skills", List.of("endpoint", "network", "forensics", "general"),
                "shift", Map.of("days", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"), "start", "00:00", "end", "23:59"),
                "initialPassword", PASSWORD), Map.of()), "onboard the engineer");

        say.accept("3. ops-admin adds the bundled cyber insurance with insurer INS-A (deductible ¥5,000)");
        int year = Instant.now().atZone(ZoneOffset.UTC).getYear();
        Api.await("insurance-service to know the new tenant", PATIENCE, () -> {
            Api.Answer policy = Api.call("POST", api.insurance() + "/api/v1/policies", admin, Map.of("tenantId", tenantId,
                    "insurerId", "INS-A", "policyNumber", "OTS-" + unique, "startsOn", year + "-01-01", "endsOn", year + "-12-31",
                    "perIncidentLimitYen", 300_000, "annualAggregateLimitYen", 1_000_000, "deductibleYen", 5_000,
                    "coveredCostTypes", List.of("LABOR", "TRAVEL", "EXPENSE")), Map.of());
            return policy.status() == 201 ? Optional.of(policy) : Optional.empty();
        });
        String insurerA = Tokens.forClient(api.realm(), "insurer-a", "insurer-a-secret");
        if (webhookUrl != null) {
            Api.expect(201, Api.call("POST", api.insurance() + "/api/v1/webhooks", insurerA,
                    Map.of("url", webhookUrl, "secret", "whsec-demo-insurer-a-2026"), Map.of()), "register the webhook");
            say.accept("   insurer-a registered its webhook " + webhookUrl);
        }

        say.accept("   ops-admin puts soc-1 and soc-2 on the weekly on-call rotation, soc-1 from now (notify-service)");
        Api.expect(200, Api.call("PUT", api.notices() + "/api/v1/on-call/rotation", admin, Map.of("members", List.of("soc-1", "soc-2"),
                "startsAt", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString(), "turnDays", 7), Map.of()),
                "set the on-call rotation");

        milestones.reached("smeKnown", Instant.now(), tenantId);
        say.accept("4. The IDS sees one attacker probe three machines (3 real Suricata alerts over HTTP)"
                + (syslog ? "; the UTM reports an IPS hit over syslog" : ""));
        String attack = suricataAttack(unique);
        milestones.reached("alertsSent", Instant.now(), tenantId);
        Api.Answer posted = Api.call("POST", api.ingest() + "/api/v1/alerts?format=suricata-eve", null, attack,
                Map.of("X-Sensor-Key", sensorKey, "Content-Type", "application/x-ndjson"));
        say.accept("   ingest answered " + posted.status() + " " + posted.body());
        if (syslog) {
            sendSyslog(resource("fortigate-ips.log").strip());
        }

        say.accept("5. soc-1 finds the P1 incident in the queue, acknowledges it and asks for an engineer on site");
        String soc = Tokens.forUser(api.realm(), "soc-1");
        JsonNode incident = Api.await("a P1 incident for the SME", PATIENCE, () -> {
            JsonNode page = Api.call("GET", api.triage() + "/api/v1/incidents?priority=P1&tenantId=" + tenantId, soc, null,
                    Map.of()).body();
            return page != null && page.path("items").size() > 0 ? Optional.of(page.path("items").get(0)) : Optional.empty();
        });
        UUID incidentId = UUID.fromString(incident.get("id").asText());
        say.accept("   " + incident.get("priority").asText() + " \"" + incident.get("title").asText() + "\" on "
                + incident.get("hosts") + ", acknowledge due " + incident.get("ackDueAt").asText());
        Api.expect(200, Api.call("POST", api.triage() + "/api/v1/incidents/" + incidentId + "/acknowledge", soc, null, Map.of()),
                "acknowledge");
        Api.expect(202, Api.call("POST", api.triage() + "/api/v1/incidents/" + incidentId + "/onsite-requests", soc,
                Map.of("reason", "Web server exploited; isolate it and preserve evidence", "urgency", "IMMEDIATE"), Map.of()),
                "request on-site");

        say.accept("6. Sato Kenji logs in on the phone, sees the planned job, and works it: accept → depart → arrive → complete");
        String engineer = Tokens.forUser(api.realm(), engineerEmail, PASSWORD);
        JsonNode job = Api.await("the job planned for the engineer", PATIENCE, () -> {
            JsonNode mine = Api.call("GET", api.dispatch() + "/api/v1/me/jobs", engineer, null, Map.of()).body();
            if (mine != null) {
                for (JsonNode j : mine.path("items")) {
                    if (incidentId.toString().equals(j.path("incidentId").asText()) && j.hasNonNull("plannedArrival")) {
                        return Optional.of(j);
                    }
                }
            }
            return Optional.empty();
        });
        UUID jobId = UUID.fromString(job.get("id").asText());
        say.accept("   job " + jobId + " at " + job.path("site").path("address").asText() + ", planned arrival "
                + job.get("plannedArrival").asText() + ", deadline " + job.get("deadline").asText());
        act(engineer, jobId, "ACCEPT", Instant.now(), Map.of());
        act(engineer, jobId, "DEPART", Instant.now(), Map.of("latitude", place.engineerLatitude(), "longitude", place.engineerLongitude()));
        act(engineer, jobId, "ARRIVE", Instant.now(), Map.of("latitude", place.latitude() + 0.0001, "longitude", place.longitude() + 0.0001));
        JsonNode done = act(engineer, jobId, "COMPLETE", Instant.now(), Map.of("report", Map.of(
                // the engineer writes for the SME, who reads it in the portal: in Japanese
                "summary", "Webサーバーをネットワークから切り離してディスクを保全し、Strutsを更新してサービスを復旧しました",
                "laborMinutes", 115, "travelKm", 6.5,
                "expenses", List.of(Map.of("type", "PARKING", "amountYen", 900, "note", "近くのコインパーキング")))));
        milestones.reached("jobCompleted", Instant.now(), tenantId);
        say.accept("   completed; cost lines " + done.get("costLines") + " = ¥" + done.get("totalYen").asLong());

        say.accept("7. The claim opens by itself; insurer-a reads it, approves the payable amount and pays");
        JsonNode claim = Api.await("the claim for the job", PATIENCE, () -> {
            JsonNode page = Api.call("GET", api.insurance() + "/api/v1/claims?limit=500", insurerA, null, Map.of()).body();
            if (page != null) {
                for (JsonNode c : page.path("items")) {
                    if (jobId.toString().equals(c.path("jobId").asText())) {
                        return Optional.of(c);
                    }
                }
            }
            return Optional.empty();
        });
        UUID claimId = UUID.fromString(claim.get("id").asText());
        Api.Answer read = Api.call("GET", api.insurance() + "/api/v1/claims/" + claimId, insurerA, null, Map.of());
        long payable = read.body().get("payableYen").asLong();
        say.accept("   " + claim.get("claimNumber").asText() + ": claimed ¥" + claim.get("claimedTotalYen").asLong()
                + ", payable ¥" + payable + " — " + read.body().get("explanation"));
        Api.expect(200, Api.call("POST", api.insurance() + "/api/v1/claims/" + claimId + "/decision", insurerA,
                Map.of("outcome", "APPROVED", "approvedYen", payable, "reason", "Rush-out costs per policy"),
                Map.of("If-Match", read.header("ETag"))), "approve the claim");
        Api.expect(200, Api.call("POST", api.insurance() + "/api/v1/claims/" + claimId + "/payment", insurerA,
                Map.of("paidYen", payable, "paymentReference", "INS-A-PAY-" + unique, "paidOn",
                        Instant.now().atZone(ZoneOffset.UTC).toLocalDate().toString()), Map.of()), "pay the claim");

        say.accept("8. Tanaka (the SME) reads the story of the incident in plain words");
        String sme = Tokens.forUser(api.realm(), smeUser, PASSWORD);
        List<String> lines = Api.await("the claim payment in the SME's timeline", PATIENCE, () -> {
            // the narration is in English; an SME that asks for nothing reads Japanese
            JsonNode timeline = Api.call("GET", api.triage() + "/api/v1/incidents/" + incidentId + "/timeline", sme, null,
                    Map.of("Accept-Language", "en")).body();
            List<String> found = new ArrayList<>();
            if (timeline != null) {
                timeline.forEach(e -> found.add(e.get("type").asText() + ": " + e.get("summary").asText()));
            }
            return found.stream().anyMatch(l -> l.startsWith("claim.paid")) ? Optional.of(found) : Optional.empty();
        });
        lines.forEach(l -> say.accept("   " + l));
        return new Told(tenantId, smeName, smeUser, PASSWORD, smeEmail, incidentId, jobId, claimId,
                claim.get("claimNumber").asText(), engineerEmail, payable, lines);
    }

    private JsonNode act(String token, UUID jobId, String type, Instant at, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("opId", "story-" + type.toLowerCase() + "-" + jobId);
        body.put("type", type);
        body.put("at", at.toString());
        return Api.expect(200, Api.call("POST", api.dispatch() + "/api/v1/jobs/" + jobId + "/actions", token, body, Map.of()),
                type);
    }

    /** The published Suricata line, now, against three of the SME's machines. */
    private static String suricataAttack(String unique) {
        StringBuilder ndjson = new StringBuilder();
        String now = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx").format(Instant.now().atZone(ZoneOffset.UTC));
        for (int host = 21; host <= 23; host++) {
            try {
                ObjectNode line = (ObjectNode) Api.JSON.readTree(resource("suricata-alert.json"));
                line.put("timestamp", now);
                line.put("dest_ip", "192.168.10." + host);
                line.put("flow_id", Math.abs((unique + host).hashCode()) * 1000L + host);
                ndjson.append(Api.JSON.writeValueAsString(line)).append('\n');
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return ndjson.toString();
    }

    /** RFC 3164 over TCP with LF framing, as a FortiGate's syslog client sends it. */
    private void sendSyslog(String line) {
        String stamp = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", java.util.Locale.ENGLISH)
                .format(Instant.now().atZone(ZoneOffset.UTC));
        try (Socket socket = new Socket(api.syslogHost(), api.syslogPort()); OutputStream out = socket.getOutputStream()) {
            out.write(("<185>" + stamp + " fgt-osaka " + line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("syslog to " + api.syslogHost() + ":" + api.syslogPort() + " failed", e);
        }
    }

    static String resource(String name) {
        try (InputStream in = Story.class.getResourceAsStream("/story/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing story resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
