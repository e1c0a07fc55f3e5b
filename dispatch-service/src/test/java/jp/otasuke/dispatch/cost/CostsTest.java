package jp.otasuke.dispatch.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.otasuke.common.events.CostLine;
import jp.otasuke.common.text.Languages;

class CostsTest {

    @Test
    void labourIsBilledPerStarted30MinutesTravelPerKmAndExpensesAsReported() {
        VisitReport report = new VisitReport("Isolated PC, collected logs", 61, 12.34,
                List.of(new VisitReport.Expense("PARKING", 800L, "Coin parking")));
        List<CostLine> lines = Costs.of(report, 8_000, 50);

        assertEquals("On-site work, 61 min (3 × 30 min at 8,000 yen/h)", lines.get(0).description());
        assertEquals(12_000, lines.get(0).amountYen());
        assertEquals(617, lines.get(1).amountYen(), "12.34 km × 50 yen, rounded to the yen");
        assertEquals("Parking: Coin parking", lines.get(2).description());
        assertEquals(800, lines.get(2).amountYen());
        assertEquals(12_000 + 617 + 800, Costs.total(lines));
    }

    @Test
    void theSmeReadsEachLineInJapanese() {
        VisitReport report = new VisitReport("端末を隔離", 95, 8.4, List.of(new VisitReport.Expense("PARKING", 600L, "梅田の駐車場")));
        List<CostLine> lines = Costs.of(report, 8_000, 50);
        assertEquals("現地作業 95分（30分単位で4回分、1時間あたり8,000円）", lines.get(0).description(Languages.JAPANESE));
        assertEquals("移動 8.4km（1kmあたり50円）", lines.get(1).description(Languages.JAPANESE));
        assertEquals("駐車場代：梅田の駐車場", lines.get(2).description(Languages.JAPANESE));
        assertEquals("On-site work, 95 min (4 × 30 min at 8,000 yen/h)", lines.get(0).description(Languages.ENGLISH));
    }

    @Test
    void exactlyThirtyMinutesIsOneBlockAndZeroIsNone() {
        assertEquals(4_000, Costs.of(new VisitReport("x", 30, 0.0, null), 8_000, 50).get(0).amountYen());
        assertEquals(0, Costs.of(new VisitReport("x", 0, 0.0, null), 8_000, 50).get(0).amountYen());
        assertEquals(8_000, Costs.of(new VisitReport("x", 31, 0.0, null), 8_000, 50).get(0).amountYen());
    }
}
