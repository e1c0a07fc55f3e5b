package jp.otasuke.common.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class YenTest {

    @Test
    void anAmountIsNeverNegative() {
        assertThrows(IllegalArgumentException.class, () -> Yen.of(-1));
    }

    @Test
    void takingMoreAwayThanThereIsLeavesNothing() {
        assertEquals(Yen.ZERO, Yen.of(4_000).less(Yen.of(5_000)), "a deductible above the covered amount");
        assertEquals(Yen.of(20_800), Yen.of(25_800).less(Yen.of(5_000)));
        assertEquals(Yen.of(25_800), Yen.of(24_000).plus(Yen.of(1_800)));
        assertTrue(Yen.of(300_001).isMoreThan(Yen.of(300_000)));
    }

    @Test
    void anAmountIsWrittenOneWayInEachLanguage() {
        assertEquals("12,000円", Yen.of(12_000).words(Locale.JAPANESE));
        assertEquals("12,000円", Yen.of(12_000).words(Locale.JAPAN));
        assertEquals("12,000 yen", Yen.of(12_000).words(Locale.ENGLISH));
        assertEquals("¥1,234,567", Yen.of(1_234_567).toString());
    }
}
