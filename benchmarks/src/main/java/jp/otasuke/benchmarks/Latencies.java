package jp.otasuke.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A table row of latencies in milliseconds: how many, p50, p99, max; one never seen counts as the worst. */
final class Latencies {

    private Latencies() {
    }

    /** "n | p50 | p99 | max" for a Markdown table. */
    static String cells(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("%d | %s | %s | %s", sorted.size(), ms(percentile(sorted, 0.5)), ms(percentile(sorted, 0.99)),
                ms(sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1)));
    }

    private static double percentile(List<Double> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }

    private static String ms(double value) {
        return Double.isInfinite(value) ? "not seen" : Double.isNaN(value) ? "—" : String.format("%.0f", value);
    }
}
