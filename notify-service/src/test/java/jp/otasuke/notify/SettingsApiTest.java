package jp.otasuke.notify;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.DispatchJobArrived;
import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.events.Enums.IncidentKind;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.events.IncidentOpened;
import jp.otasuke.common.testing.ApiUser;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.TestUsers;
import jp.otasuke.notify.oncall.Rotation;
import jp.otasuke.notify.testing.Smes;

/**
 * What people keep through the API: the on-call rotation and escalation policies (platform-admin only), each person's
 * own wishes, who was told about an incident (an SME sees only its own); bad input answered 400 naming the field, chat
 * addresses checked by the outbound policy and never shown again; a team chat reached with Slack/Teams JSON.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = {@ResourceArg(name = "database", value = "notify"),
        @ResourceArg(name = "mail", value = "true")})
class SettingsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void administratorsSavingTheFirstRotationAtOnceAreEachAnswered() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> Rotation.deleteAll()); // no rotation yet: each save would make the row
        Map<String, Object> rotation = Map.of("members", List.of("soc-1", "soc-2"), "startsAt", "2026-01-05T09:00:00+09:00");
        ApiUser admin = ApiUser.as("ops-admin"); // signed in once: four sign-ins of one user at once trip Keycloak's guard
        ExecutorService admins = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(admins.submit(() -> admin.json(rotation).put("/api/v1/on-call/rotation").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(), "saved one after the other, none refused by the other's row");
            }
        } finally {
            admins.shutdown();
        }
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> Rotation.count()));
    }

    @Test
    void onlyAPlatformAdminKeepsTheRotationAndItsMembersMustBeSocOperators() {
        ApiUser admin = ApiUser.as("ops-admin");
        Map<String, Object> rotation = Map.of("members", List.of("soc-1", "soc-2"), "startsAt", "2026-01-05T09:00:00+09:00");
        ApiUser.as("soc-1").json(rotation).put("/api/v1/on-call/rotation").then().statusCode(403);
        ApiUser.as("soc-1").request().get("/api/v1/on-call").then().statusCode(200);

        admin.json(Map.of("members", List.of("soc-1", "ops-admin"), "startsAt", "2026-01-05T09:00:00+09:00"))
                .put("/api/v1/on-call/rotation").then().statusCode(400).body("errors[0].field", equalTo("members"))
                .body("detail", containsString("ops-admin is not a SOC operator"));
        admin.json(Map.of("members", List.of("soc-1"), "startsAt", "next monday")).put("/api/v1/on-call/rotation").then()
                .statusCode(400).body("errors[0].field", equalTo("startsAt"));
        admin.json(Map.of("username", "soc-2", "startsAt", "2026-12-24T18:00:00+09:00", "endsAt", "2026-12-24T09:00:00+09:00"))
                .post("/api/v1/on-call/overrides").then().statusCode(400).body("errors[0].field", equalTo("endsAt"));
        admin.request().delete("/api/v1/on-call/overrides/" + UUID.randomUUID()).then().statusCode(404);
        admin.json(Map.of("levels", List.of(Map.of("onCall", true)))).put("/api/v1/escalation-policies/P3").then()
                .statusCode(400).body("errors[0].field", equalTo("priority"));
        admin.json(Map.of("levels", List.of(Map.of("onCall", true), Map.of("onCall", false, "users", List.of("nobody")))))
                .put("/api/v1/escalation-policies/P2").then().statusCode(400).body("errors[0].field", equalTo("levels[1].users"));
        // a chat webhook must not reach into the provider's own network (cloud metadata, private ranges)
        admin.json(Map.of("levels", List.of(Map.of("onCall", false, "chatWebhooks", List.of("https://169.254.169.254/latest")))))
                .put("/api/v1/escalation-policies/P2").then().statusCode(400)
                .body("errors[0].field", equalTo("levels[0].chatWebhooks"));
    }

    @Test
    void eachPersonKeepsTheirOwnWishesAndAChatAddressIsNeverShownAgain() {
        ApiUser soc2 = ApiUser.as("soc-2");
        soc2.request().get("/api/v1/me/preferences").then().statusCode(200).body("channels", equalTo(List.of("EMAIL")))
                .body("language", equalTo("ja"));
        soc2.json(Map.of("channels", List.of("SMS"))).put("/api/v1/me/preferences").then().statusCode(400)
                .body("errors[0].field", equalTo("channels"));
        soc2.json(Map.of("channels", List.of("EMAIL"), "language", "fr")).put("/api/v1/me/preferences").then().statusCode(400)
                .body("errors[0].field", equalTo("language"));
        soc2.json(Map.of("channels", List.of("EMAIL"), "quietHours", Map.of("from", "25:00", "until", "07:00")))
                .put("/api/v1/me/preferences").then().statusCode(400).body("errors[0].field", equalTo("quietHours.from"));
        soc2.json(Map.of("channels", List.of("CHAT"))).put("/api/v1/me/preferences").then().statusCode(400)
                .body("errors[0].field", equalTo("chatWebhook"));
        soc2.json(Map.of("channels", List.of("CHAT"), "chatWebhook", "https://10.0.0.8/hooks/soc"))
                .put("/api/v1/me/preferences").then().statusCode(400).body("errors[0].field", equalTo("chatWebhook"));

        // loopback and plain http are allowed in tests only (no name resolves on this machine)
        String secretHook = "http://127.0.0.1:9/services/T000/B000/very-secret-token";
        String kept = soc2.json(Map.of("channels", List.of("EMAIL", "CHAT"), "language", "en", "chatWebhook", secretHook,
                "quietHours", Map.of("from", "22:00", "until", "07:00"))).put("/api/v1/me/preferences").then().statusCode(200)
                .body("chatWebhookSet", equalTo(true)).body("quietHours.from", equalTo("22:00")).extract().asString();
        assertTrue(!kept.contains("very-secret-token"), kept);
        soc2.request().get("/api/v1/me/preferences").then().statusCode(200).body(not(containsString("very-secret-token")))
                .body("language", equalTo("en")).body("channels", equalTo(List.of("EMAIL", "CHAT")));
        // soc-1's wishes are soc-1's: untouched by soc-2's
        ApiUser.as("soc-1").request().get("/api/v1/me/preferences").then().statusCode(200)
                .body("chatWebhookSet", equalTo(false));
        soc2.json(Map.of("channels", List.of("EMAIL"), "chatWebhook", "")).put("/api/v1/me/preferences").then().statusCode(200)
                .body("chatWebhookSet", equalTo(false));
    }

    @Test
    void aTeamChatOfTheEscalationPolicyIsToldInSlackAndTeamsJson() throws Exception {
        List<String> posted = new CopyOnWriteArrayList<>();
        HttpServer chat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        chat.createContext("/hooks/soc-team", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        chat.start();
        try {
            String hook = "http://127.0.0.1:" + chat.getAddress().getPort() + "/hooks/soc-team";
            ApiUser.as("ops-admin").json(Map.of("levels", List.of(Map.of("onCall", false, "chatWebhooks", List.of(hook)))))
                    .put("/api/v1/escalation-policies/P2").then().statusCode(200).body("levels[0].chatWebhooks", equalTo(1))
                    .body(not(containsString(hook)));
            UUID tenant = tenant("桂川電機");
            Instant now = Instant.now();
            IncidentOpened opened = new IncidentOpened(UUID.randomUUID(), now, UUID.randomUUID(), tenant, IncidentKind.ALERT,
                    "不審な外部通信（桂川電機）", AlertCategory.C2, Priority.P2, "OPEN", now.plus(Duration.ofHours(1)), null);
            EventTopics.publish(opened);

            await().atMost(Duration.ofSeconds(30)).until(() -> !posted.isEmpty());
            JsonNode message = JSON.readTree(posted.get(0));
            assertEquals(1, message.size(), "only the text field both Slack and Teams take: " + message);
            assertTrue(message.get("text").asText().startsWith("*[P2] 新しいインシデント：桂川電機*"), message.toString());
            assertTrue(message.get("text").asText().contains("/soc/#/incidents/" + opened.incidentId()), message.toString());
            ApiUser.as("soc-1").request().get("/api/v1/incidents/" + opened.incidentId() + "/notices").then().statusCode(200)
                    .body("[0].recipient", equalTo("team chat")).body("[0].channelsSent", equalTo(List.of("CHAT")))
                    .body(not(containsString(hook)));
        } finally {
            chat.stop(0);
        }
    }

    @Test
    void anSmeSeesWhoWasToldAboutItsOwnIncidentsOnly() {
        UUID mine = tenant("宇治茶房");
        UUID other = tenant("大原工芸");
        UUID myIncident = UUID.randomUUID();
        UUID otherIncident = UUID.randomUUID();
        EventTopics.publish(new DispatchJobArrived(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), myIncident, mine,
                UUID.randomUUID(), Instant.now(), false));
        EventTopics.publish(new DispatchJobArrived(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), otherIncident, other,
                UUID.randomUUID(), Instant.now(), false));
        ApiUser soc = ApiUser.as("soc-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> soc.request().get("/api/v1/incidents/" + otherIncident + "/notices")
                .then().extract().jsonPath().getList("$").size() == 1);

        ApiUser sme = ApiUser.as(TestUsers.smeUser(TestServers.keycloak(), mine));
        sme.request().get("/api/v1/incidents/" + myIncident + "/notices").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].subject", equalTo("【お助け隊】エンジニアが到着しました"))
                .body("[0].recipient", equalTo("SME contact"));
        sme.request().get("/api/v1/incidents/" + otherIncident + "/notices").then().statusCode(200).body("size()", equalTo(0));
        ApiUser.as(TestUsers.fieldEngineer(TestServers.keycloak(), UUID.randomUUID())).request()
                .get("/api/v1/incidents/" + myIncident + "/notices").then().statusCode(403);
    }

    private static UUID tenant(String name) {
        return Smes.known(name).tenantId();
    }
}
