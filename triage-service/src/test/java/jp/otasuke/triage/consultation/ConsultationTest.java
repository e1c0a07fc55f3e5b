package jp.otasuke.triage.consultation;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jp.otasuke.common.events.ConsultationOpened;
import jp.otasuke.common.events.Enums.IncidentKind;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.infra.testing.RealInfrastructure;
import jp.otasuke.infra.testing.TestServers;
import jp.otasuke.infra.testing.TestUsers;
import jp.otasuke.triage.Db;
import jp.otasuke.common.testing.EventTopics;
import jp.otasuke.triage.Soc;
import jp.otasuke.triage.incident.Incident;

/** A consultation from the desk is an incident in the SOC queue, and a CUSTOMER comment is the SME's answer. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "triage"))
class ConsultationTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void aConsultationBecomesOneIncidentInTheQueueAndTheSocAnswersIt() {
        ConsultationOpened asked = new ConsultationOpened(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), tenant,
                "Strange e-mail from our bank", "An employee got an e-mail asking to re-enter the bank password.",
                "06-1234-5678", "sme-osaka");
        EventTopics.publish(asked, asked);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.incidentsOf(tenant).size() == 1);
        Incident incident = Db.incidentsOf(tenant).get(0);
        assertEquals(IncidentKind.CONSULTATION, incident.kind);
        assertEquals(Priority.P3, incident.priority);
        assertEquals(asked.consultationId(), incident.consultationId);

        Soc soc = Soc.as("soc-2");
        soc.get("/api/v1/incidents/{id}", incident.id).body("kind", equalTo("CONSULTATION"))
                .body("title", equalTo("Strange e-mail from our bank"));
        soc.acknowledge(incident.id).statusCode(200);
        soc.step(incident.id, "comments", Map.of("text", "It is phishing: do not enter the password; delete the mail.",
                "visibility", "CUSTOMER")).statusCode(201);

        Soc sme = Soc.as(TestUsers.smeUser(TestServers.keycloak(), tenant));
        sme.get("/api/v1/incidents/{id}", incident.id).body("title", equalTo("ご相談：Strange e-mail from our bank")); // Japanese unless asked otherwise
        List<String> lines = sme.get("/api/v1/incidents/{id}/timeline", incident.id).statusCode(200)
                .extract().jsonPath().getList("summary");
        assertEquals("It is phishing: do not enter the password; delete the mail.", lines.get(lines.size() - 1));
        assertEquals(1, Db.incidentsOf(tenant).size(), "the redelivered consultation opened nothing more");
    }

    @Test
    void theSocSeesTheCallBackNumberAndAnAnswerAcknowledgesTheConsultation() {
        ConsultationOpened asked = new ConsultationOpened(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), tenant,
                "Is this invoice real?", "A supplier's new bank account, by e-mail only.", " 072-123-4567 ", "sme-sakai");
        EventTopics.publish(asked, asked);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.incidentsOf(tenant).size() == 1);
        UUID id = Db.incidentsOf(tenant).get(0).id;

        Soc soc = Soc.as("soc-2");
        soc.get("/api/v1/incidents/{id}", id).body("status", equalTo("OPEN")).body("contactPhone", equalTo("072-123-4567"));
        // answered without a separate acknowledgement: the answer is one, by whoever answered, and the clock stops
        soc.step(id, "comments", Map.of("text", "Call the supplier on the number you already had before paying.",
                "visibility", "CUSTOMER")).statusCode(201);
        soc.get("/api/v1/incidents/{id}", id).body("status", equalTo("ACKNOWLEDGED")).body("assignee", equalTo("soc-2"))
                .body("slaBreached", equalTo(false));
        Incident answered = Db.incidentsOf(tenant).get(0);
        assertEquals("soc-2", answered.acknowledgedBy);
        // an internal note is not an answer: it acknowledges nothing
        ConsultationOpened other = new ConsultationOpened(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), tenant,
                "USB stick found", "In the car park.", null, "sme-sakai");
        EventTopics.publish(other, other);
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.incidentsOf(tenant).size() == 2);
        UUID second = Db.incidentsOf(tenant).stream().filter(i -> !i.id.equals(id)).findFirst().orElseThrow().id;
        soc.step(second, "comments", Map.of("text", "Asked the desk to call back.", "visibility", "INTERNAL")).statusCode(201);
        soc.get("/api/v1/incidents/{id}", second).body("status", equalTo("OPEN"));
    }
}
