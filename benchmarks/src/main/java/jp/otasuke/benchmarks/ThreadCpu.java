package jp.otasuke.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPU time a process's threads have used so far, from {@code /proc/PID/task}, for where a phase's CPU went inside a
 * service: request threads, Kafka consumers and producers, the outbox relay, the JIT compilers, the garbage collector.
 * The JVM names its native threads after the Java thread (first 15 characters), so "executor-thread-3" and
 * "executor-thread-9" count as one kind ("executor-thread-"). Threads are compared one by one between two readings: a
 * pool that retired threads in between would otherwise show a kind using less than nothing.
 */
final class ThreadCpu {

    private record Thread(String kind, double seconds) {
    }

    /** The JIT compilers' kinds: their share says how far from warm a phase still was. */
    static final Set<String> COMPILERS = Set.of("C1 CompilerThre", "C2 CompilerThre");

    private final Map<String, Thread> threads;

    private ThreadCpu(Map<String, Thread> threads) {
        this.threads = threads;
    }

    static ThreadCpu of(long pid) {
        Map<String, Thread> threads = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> {
                try {
                    String kind = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+$", "");
                    threads.put(task.getFileName().toString(), new Thread(kind, BenchPlatform.cpuSeconds(task.resolve("stat"))));
                } catch (IOException e) {
                    // the thread ended while being read
                }
            });
        } catch (IOException e) {
            // the process is gone
        }
        return new ThreadCpu(threads);
    }

    /** CPU-seconds by kind of thread since {@code before}, for the threads alive now (those that ended took theirs). */
    Map<String, Double> since(ThreadCpu before) {
        Map<String, Double> spent = new HashMap<>();
        threads.forEach((tid, now) -> {
            Thread then = before.threads.get(tid);
            spent.merge(now.kind(), now.seconds() - (then == null ? 0 : then.seconds()), Double::sum);
        });
        return spent;
    }

    /** The kinds that used the most, as "kind share%" for a table cell, after the total. */
    static String top(Map<String, Double> spent, int limit) {
        double total = spent.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder cell = new StringBuilder(String.format("%.1f cpu-s: ", total));
        spent.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(limit).forEach(e -> cell
                .append(cell.length() > 0 && !cell.toString().endsWith(": ") ? ", " : "").append('`').append(e.getKey()).append("` ")
                .append(String.format("%.0f%%", total > 0 ? 100 * e.getValue() / total : 0)));
        return cell.toString();
    }

    static double compilers(Map<String, Double> spent) {
        return spent.entrySet().stream().filter(e -> COMPILERS.contains(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
    }
}
