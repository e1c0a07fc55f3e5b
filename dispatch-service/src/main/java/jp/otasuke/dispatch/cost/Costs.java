package jp.otasuke.dispatch.cost;

import java.util.ArrayList;
import java.util.List;

import jp.otasuke.common.events.CostLine;
import jp.otasuke.common.events.Enums.CostType;

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
        lines.add(new CostLine(CostType.LABOR, "On-site work, " + report.laborMinutes() + " min (" + halfHours
                + " × 30 min at " + laborPerHourYen + " yen/h)", halfHours * laborPerHourYen / 2));
        lines.add(new CostLine(CostType.TRAVEL, "Travel, " + report.travelKm() + " km at " + travelPerKmYen + " yen/km",
                Math.round(report.travelKm() * travelPerKmYen)));
        for (VisitReport.Expense expense : report.expensesOrNone()) {
            lines.add(new CostLine(CostType.EXPENSE, expense.type() + (expense.note() == null ? "" : ": " + expense.note()),
                    expense.amountYen()));
        }
        return lines;
    }

    public static long total(List<CostLine> lines) {
        return lines.stream().mapToLong(CostLine::amountYen).sum();
    }
}
