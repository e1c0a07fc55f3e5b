package jp.otasuke.ingest.intake.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ISO-8601 times in the shape nearly every source writes are read without java.time's formatter, for speed; they must
 * read exactly as the formatter reads them, and whatever the formatter refuses stays refused.
 */
class TimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2022-07-12T06:22:33.415742+0000", "2022-07-12T06:22:33.415742+09:00", "2022-07-12T06:22:33Z",
            "2022-07-12T06:22:33.1Z", "2022-07-12T06:22:33.123456789-0700", "2024-02-29T23:59:59.999+0530",
            "2022-07-12T06:22:33-00:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999+18:00",
            "2023-02-29T00:00:00Z", "2022-13-01T00:00:00Z", "2022-04-31T00:00:00Z", "2022-07-12T24:00:00Z",
            "2022-07-12T23:60:00Z", "2022-07-12T23:59:60Z", "2022-07-12T06:22:33+1900", "2022-07-12T06:22:33+18:01",
            "2022-07-12T06:22:33+09:60", "2022-07-12T06:22:33.Z", "2022-07-12T06:22:33.1234567890Z",
            "2022-07-12T06:22:33.415742", "2022-07-12T06:22:33", "2022-07-12 06:22:33+0000", "2022-07-12t06:22:33z",
            "2022-07-12T06:22:33+09", "2022-07-12T06:22:33+09:00:00", "2022-07-12T06:22:33+9:00", "2022-7-12T06:22:33Z",
            "+2022-07-12T06:22:33Z", "2022-07-12T06:22:33 +0000", "2022-07-12T06:22:33.41a742Z", "2022-07-12T06:2x:33Z",
            "２０２２-07-12T06:22:33Z", "2022-07-12T06:22:33+0000garbage", "2022-07-12T06:22:33+09;00"})
    void readsEveryShapeAsJavaTimeDoes(String text) {
        assertEquals(Timestamps.isoByJavaTime(text), Timestamps.iso(text), text);
    }

    @Test
    void readsRandomTimesAsJavaTimeDoes() {
        Random random = new Random(20261206);
        String[] fractions = {"", ".S", ".SSS", ".SSSSSS", ".SSSSSSSSS"};
        String[] offsets = {"xx", "xxx", "XXX"};
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000_000));
            int hours = random.nextInt(35) - 17;
            ZoneOffset offset = ZoneOffset.ofHoursMinutes(hours, (hours < 0 ? -1 : 1) * random.nextInt(4) * 15);
            String pattern = "yyyy-MM-dd'T'HH:mm:ss" + fractions[random.nextInt(fractions.length)] + offsets[random.nextInt(offsets.length)];
            String text = DateTimeFormatter.ofPattern(pattern).format(instant.atOffset(offset));
            Instant read = Timestamps.iso(text);
            assertEquals(Timestamps.isoByJavaTime(text), read, text);
            assertNotNull(read, text);
        }
    }
}
