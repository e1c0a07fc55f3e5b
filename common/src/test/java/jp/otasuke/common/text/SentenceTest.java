package jp.otasuke.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.otasuke.common.events.Enums.Priority;

/** One sentence read in either language, each kind of fact written the way its reader expects. */
class SentenceTest {

    private final Sentence visit = Sentence.of("visit", "engineer", "佐藤 健二", "eta", Instant.parse("2026-12-02T05:30:00Z"),
            "visitOn", LocalDate.of(2026, 12, 2), "totalYen", 17_020, "kind", "ONSITE");

    @Test
    void japaneseTimesAreInTokyoAmountsInYenAndCodesInWords() {
        assertEquals("エンジニアの佐藤 健二が12月2日 14:30ごろ到着します（2026年12月2日、費用 17,020円、現地対応）",
                visit.render("texts.sample", Languages.JAPANESE));
    }

    @Test
    void englishKeepsACodeWithoutWordsOfItsOwnAsItIs() {
        assertEquals("佐藤 健二 arrives around 2026-12-02 14:30 JST (2026-12-02, cost 17,020 yen, ONSITE)",
                visit.render("texts.sample", Languages.ENGLISH));
    }

    @Test
    void aRequestThatAsksNothingOrNonsenseGetsTheReadersDefault() {
        assertEquals(Languages.JAPANESE, Languages.preferred(null, Languages.JAPANESE));
        assertEquals(Languages.ENGLISH, Languages.preferred("fr-FR, en;q=0.8, ja;q=0.5", Languages.JAPANESE));
        assertEquals(Languages.JAPANESE, Languages.preferred("ja-JP,ja;q=0.9,en;q=0.8", Languages.ENGLISH));
        assertEquals(Languages.ENGLISH, Languages.preferred(";;;q=zz", Languages.ENGLISH));
    }

    @Test
    void factsAreWhatTheyReadBackAsFromJsonSoAStoredLineIsNotRewritten() throws Exception {
        Sentence line = Sentence.of("incident.opened", "priority", Priority.P2, "incidentId", UUID.randomUUID(), "alerts", 3L,
                "hosts", List.of("pc-1", "pc-2"), "at", Instant.parse("2026-12-02T05:30:00Z"),
                "because", Sentence.of("job.no-engineer", "skills", List.of("forensics")));
        ObjectMapper json = new ObjectMapper();
        assertEquals(line.facts(), json.readValue(json.writeValueAsString(line.facts()), Map.class));
    }
}
