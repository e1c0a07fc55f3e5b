package jp.otasuke.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time each process of the run has used so far, by what it is (ingest, triage, web, Keycloak, PostgreSQL, the
 * benchmark's own JVM with its in-process Kafka broker), read from {@code /proc}: two readings give what each spent
 * between them, so a figure can leave the load generator out and still say how busy the machine was.
 */
final class ProcessCpu {

    static final String BENCH = "bench (load generator, SSE client, Kafka)";
    static final String POSTGRES = "PostgreSQL";

    private final Map<String, Double> seconds;

    private ProcessCpu(Map<String, Double> seconds) {
        this.seconds = seconds;
    }

    static ProcessCpu now() {
        Map<String, Double> seconds = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        try (var procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                long pid = Long.parseLong(p.getFileName().toString());
                String label = pid == self ? BENCH : label(p);
                if (label != null) {
                    seconds.merge(label, BenchPlatform.cpuSeconds(pid), Double::sum);
                }
            });
        } catch (IOException e) {
            // no /proc: the figures say 0
        }
        return new ProcessCpu(seconds);
    }

    /** What a process is, from its command line; null for processes that are not part of the run. */
    private static String label(Path proc) {
        try {
            String command = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
            if (Files.readString(proc.resolve("comm")).trim().equals("postgres")) {
                return POSTGRES;
            }
            for (String service : new String[] {"ingest-service", "triage-service", "dispatch-service", "insurance-service",
                    "notify-service"}) {
                if (command.contains(service + "/target/quarkus-app")) {
                    return service.replace("-service", "");
                }
            }
            if (command.contains("web/target/quarkus-app")) {
                return "web";
            }
            return command.contains("keycloak") && command.contains("java") ? "Keycloak" : null;
        } catch (IOException e) {
            return null; // gone while being read
        }
    }

    /** CPU-seconds the processes of this kind have used so far. */
    double seconds(String label) {
        return seconds.getOrDefault(label, 0.0);
    }

    /** Cores each process used on average since {@code before}, over {@code seconds} of wall time. */
    Map<String, Double> coresSince(ProcessCpu before, double wallSeconds) {
        Map<String, Double> cores = new TreeMap<>();
        seconds.forEach((label, now) -> cores.put(label, (now - before.seconds.getOrDefault(label, 0.0)) / wallSeconds));
        return cores;
    }
}
