package jp.otasuke.dispatch.cost;

import java.util.ArrayList;
import java.util.List;

import jp.otasuke.common.events.CostLine;
import jp.otasuke.common.events.Enums.CostType;
import jp.otasuke.common.text.Sentence;

/**
 * The cost lines of a visit, which insurance pays: labour at the hourly rate billed per started 30 minutes,
 * travel at the rate per km (rounded to the yen), and each expense as reported.
 */
public final class Costs {

    private Costs() {
    }

    public static List<CostLine> of(VisitReport report, long laborPerHourYen, long travelPerKmYen) {
        List<CostLine> lines = new ArrayList<>();
        long halfHours = (report.laborMinutes() + 29) / 30;
        lines.add(CostLine.worded(CostType.LABOR, Sentence.of("cost.labor", "minutes", report.laborMinutes(),
                "halfHours", halfHours, "rateYen", laborPerHourYen), halfHours * laborPerHourYen / 2));
        lines.add(CostLine.worded(CostType.TRAVEL, Sentence.of("cost.travel", "km", report.travelKm(), "rateYen", travelPerKmYen),
                Math.round(report.travelKm() * travelPerKmYen)));
        for (VisitReport.Expense expense : report.expensesOrNone()) {
            lines.add(CostLine.worded(CostType.EXPENSE, expense.note() == null || expense.note().isBlank()
                    ? Sentence.of("cost.expense", "expense", expense.type())
                    : Sentence.of("cost.expense-noted", "expense", expense.type(), "note", expense.note()), expense.amountYen()));
        }
        return lines;
    }

    public static long total(List<CostLine> lines) {
        return lines.stream().mapToLong(CostLine::amountYen).sum();
    }
}
