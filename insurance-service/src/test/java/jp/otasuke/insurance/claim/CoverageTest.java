package jp.otasuke.insurance.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.otasuke.common.events.CostLine;
import jp.otasuke.common.events.Enums.CostType;
import jp.otasuke.common.text.Languages;

/** The coverage arithmetic on named cases. */
class CoverageTest {

    private static final Coverage.Terms STANDARD = new Coverage.Terms(EnumSet.allOf(CostType.class), 5_000, 300_000, 1_000_000);
    private static final List<CostLine> VISIT = List.of(new CostLine(CostType.LABOR, "3 h on site", 24_000),
            new CostLine(CostType.TRAVEL, "20 km", 1_000), new CostLine(CostType.EXPENSE, "Parking", 800));

    @Test
    void theDeductibleComesOffTheCoveredLines() {
        Coverage.Evaluation e = Coverage.evaluate(STANDARD, VISIT, 0);
        assertEquals(25_800, e.claimedTotalYen());
        assertEquals(20_800, e.payableYen());
    }

    @Test
    void aClaimBelowTheDeductiblePaysNothing() {
        assertEquals(0, Coverage.evaluate(STANDARD, List.of(new CostLine(CostType.TRAVEL, "2 km", 100)), 0).payableYen());
    }

    @Test
    void thePerIncidentLimitCaps() {
        Coverage.Terms small = new Coverage.Terms(EnumSet.allOf(CostType.class), 0, 10_000, 1_000_000);
        Coverage.Evaluation e = Coverage.evaluate(small, VISIT, 0);
        assertEquals(10_000, e.payableYen());
        assertEquals("Capped by the per-incident limit: 10,000 yen", ClaimTexts.render(e.explanation(), Languages.ENGLISH).get(2));
    }

    @Test
    void theSmeReadsEveryStepInJapanese() {
        Coverage.Evaluation e = Coverage.evaluate(STANDARD, VISIT, 993_000);
        assertEquals(List.of("補償の対象になる費用は、ご請求 25,800円 のうち 25,800円 です",
                "ご負担いただく免責金額 5,000円 を差し引いて 20,800円 です",
                "1年間でお支払いできる上限額 1,000,000円 の残りが 7,000円 のため、7,000円 になります",
                "お支払いする保険金は 7,000円 です"), ClaimTexts.render(e.explanation(), Languages.JAPANESE));
    }

    @Test
    void anAggregateNearlySpentPaysOnlyWhatRemains() {
        Coverage.Evaluation e = Coverage.evaluate(STANDARD, VISIT, 993_000);
        assertEquals(7_000, e.payableYen());
        assertEquals(0, Coverage.evaluate(STANDARD, VISIT, 1_200_000).payableYen(), "spent: nothing, never negative");
    }

    @Test
    void anUncoveredCostTypeIsExplainedAndLeftOut() {
        Coverage.Terms noExpenses = new Coverage.Terms(EnumSet.of(CostType.LABOR, CostType.TRAVEL), 5_000, 300_000, 1_000_000);
        Coverage.Evaluation e = Coverage.evaluate(noExpenses, VISIT, 0);
        assertEquals(0, e.lines().get(2).coveredYen());
        assertEquals("EXPENSE costs are not covered by this policy", e.lines().get(2).note());
        assertEquals(20_000, e.payableYen());
    }
}
