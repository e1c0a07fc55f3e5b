package jp.otasuke.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the whole machine was between two readings of {@code /proc/stat} (every process, the benchmark's own
 * included): a run at 100% measured a saturated machine, and says so next to its latencies.
 */
final class MachineCpu {

    private final long busy;
    private final long total;

    private MachineCpu(long busy, long total) {
        this.busy = busy;
        this.total = total;
    }

    /** The machine's CPU counters now (all cores). */
    static MachineCpu now() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new MachineCpu(total - idle, total);
        } catch (IOException | RuntimeException e) {
            return new MachineCpu(0, 0);
        }
    }

    /** The share of all cores that was busy since {@code before}, in percent (0 where /proc/stat cannot be read). */
    double busySince(MachineCpu before) {
        long spent = total - before.total;
        return spent <= 0 ? 0 : 100.0 * (busy - before.busy) / spent;
    }
}
