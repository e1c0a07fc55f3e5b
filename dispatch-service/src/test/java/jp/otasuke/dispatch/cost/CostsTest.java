package jp.otasuke.dispatch.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.otasuke.common.events.CostLine;
import jp.otasuke.common.events.Enums.CostType;

class CostsTest {

    @Test
    void labourIsBilledPerStarted30MinutesTravelPerKmAndExpensesAsReported() {
        VisitReport report = new VisitReport("Isolated PC, collected logs", 61, 12.34,
                List.of(new VisitReport.Expense("PARKING", 800L, "Coin parking")));
        List<CostLine> lines = Costs.of(report, 8_000, 50);

        assertEquals(new CostLine(CostType.LABOR, "On-site work, 61 min (3 × 30 min at 8000 yen/h)", 12_000), lines.get(0));
        assertEquals(617, lines.get(1).amountYen(), "12.34 km × 50 yen, rounded to the yen");
        assertEquals(new CostLine(CostType.EXPENSE, "PARKING: Coin parking", 800), lines.get(2));
        assertEquals(12_000 + 617 + 800, Costs.total(lines));
    }

    @Test
    void exactlyThirtyMinutesIsOneBlockAndZeroIsNone() {
        assertEquals(4_000, Costs.of(new VisitReport("x", 30, 0.0, null), 8_000, 50).get(0).amountYen());
        assertEquals(0, Costs.of(new VisitReport("x", 0, 0.0, null), 8_000, 50).get(0).amountYen());
        assertEquals(8_000, Costs.of(new VisitReport("x", 31, 0.0, null), 8_000, 50).get(0).amountYen());
    }
}
