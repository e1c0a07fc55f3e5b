package jp.otasuke.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A host of the test's own (STACK.md "Hosts of our own"): a network namespace joined to this machine by a veth pair. A
 * service started on it ({@link #launcher()}) reaches Kafka, PostgreSQL, Keycloak and the mail server at the same
 * 127.0.0.1 ports as every other instance, through a forwarder (socat) on each end of the link, so its configuration is
 * the one every instance has. {@link #cut()} takes the link down: packets vanish, connects time out and nothing is
 * refused, as when a host loses its network; {@link #heal()} brings it back.
 * <p>
 * The forwarder on this machine's end gives up on a silent peer after about 11 s of TCP keepalive and closes its side, as
 * PostgreSQL's and Kafka's own keepalives end a dead client's session in production; the one on the host's end connects
 * with a 10 s timeout, as the clients' own connect timeouts would. Needs root (developers and CI are) and socat.
 */
final class CutOffHost implements AutoCloseable {

    private static final String NAMESPACE = "otasuke-cut";
    private static final String LINK = "otasuke-cut0";
    private static final String LINK_PEER = "otasuke-cut1";
    private static final String MACHINE_SIDE = "10.231.7.1";
    /** Where the host's services answer (health, API), seen from this machine. */
    static final String ADDRESS = "10.231.7.2";

    private final List<Process> forwarders = new ArrayList<>();

    private CutOffHost() {
    }

    /** Makes the host and forwards these 127.0.0.1 ports of this machine to the same ports on it. */
    static CutOffHost create(List<Integer> ports) {
        removeLeftovers();
        CutOffHost host = new CutOffHost();
        run("ip", "netns", "add", NAMESPACE);
        run("ip", "link", "add", LINK, "type", "veth", "peer", "name", LINK_PEER);
        run("ip", "link", "set", LINK_PEER, "netns", NAMESPACE);
        run("ip", "addr", "add", MACHINE_SIDE + "/30", "dev", LINK);
        run("ip", "link", "set", LINK, "up");
        inside("ip", "addr", "add", ADDRESS + "/30", "dev", LINK_PEER);
        inside("ip", "link", "set", LINK_PEER, "up");
        inside("ip", "link", "set", "lo", "up");
        for (int port : ports) {
            host.forwarders.add(start("socat", "TCP-LISTEN:" + port + ",bind=" + MACHINE_SIDE + ",reuseaddr,fork,keepalive,keepidle=5,keepintvl=2,keepcnt=3",
                    "TCP:127.0.0.1:" + port));
            host.forwarders.add(start("ip", "netns", "exec", NAMESPACE, "socat", "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork",
                    "TCP:" + MACHINE_SIDE + ":" + port + ",connect-timeout=10"));
        }
        return host;
    }

    /** The command prefix that starts a process on this host. */
    List<String> launcher() {
        return List.of("ip", "netns", "exec", NAMESPACE);
    }

    void cut() {
        run("ip", "link", "set", LINK, "down");
    }

    void heal() {
        run("ip", "link", "set", LINK, "up");
    }

    @Override
    public void close() {
        forwarders.forEach(Process::destroyForcibly);
        removeLeftovers();
    }

    /** A run killed halfway leaves its namespace and link behind. */
    private static void removeLeftovers() {
        quietly("ip", "netns", "del", NAMESPACE);
        quietly("ip", "link", "del", LINK);
    }

    private static void inside(String... command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", NAMESPACE));
        all.addAll(List.of(command));
        run(all.toArray(String[]::new));
    }

    private static Process start(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage() + " (socat and iproute2 installed?)", e);
        }
    }

    private static void run(String... command) {
        int status = quietly(command);
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + status + " (needs root)");
        }
    }

    private static int quietly(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
