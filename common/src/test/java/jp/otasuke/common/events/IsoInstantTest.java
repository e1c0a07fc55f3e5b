package jp.otasuke.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Events write their instants without java.time's formatter, for speed, and exactly as Instant.toString writes them. */
class IsoInstantTest {

    @Test
    void writesInstantsAsInstantToStringDoes() {
        for (Instant instant : new Instant[] {Instant.EPOCH, Instant.parse("2026-12-06T12:34:56Z"),
                Instant.parse("2026-12-06T12:34:00Z"), Instant.parse("2026-12-06T00:00:00.100Z"),
                Instant.parse("2026-12-06T00:00:00.000100Z"), Instant.parse("2026-12-06T00:00:00.000000001Z"),
                Instant.parse("2026-12-06T00:00:00.123456789Z"), Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("0999-03-04T05:06:07.080Z"), Instant.MIN, Instant.MAX}) {
            assertEquals(instant.toString(), IsoInstant.format(instant));
        }
    }

    @Test
    void eventsCarryTheirInstantsInThatForm() {
        OtasukeEvent event = SampleEvents.of(EventCatalog.ALERT_RECEIVED);
        String json = new String(EventJson.write(event), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"occurredAt\":\"2026-11-25T01:02:03.456789Z\""), json);
    }

    @Test
    void writesRandomInstantsAsInstantToStringDoes() {
        Random random = new Random(20261206);
        for (int i = 0; i < 100_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(-63_000_000_000L, 254_000_000_000L), nano);
            assertEquals(instant.toString(), IsoInstant.format(instant));
        }
    }
}
