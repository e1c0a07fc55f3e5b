package jp.otasuke.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the ingress (or any load balancer) does for a browser in front of several web instances, reduced to what the
 * test needs: each new TCP connection goes to the first instance that accepts it, so once the first instance is dead
 * the browser's next connection (its live feed reconnecting, its next request) reaches the other one. Bytes are passed
 * through untouched, so the browser keeps one origin and one session cookie across instances.
 */
final class Ingress implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Integer> instances;
    private final Map<Integer, AtomicInteger> connections = new ConcurrentHashMap<>();

    Ingress(List<Integer> instancePorts) throws IOException {
        this.instances = List.copyOf(instancePorts);
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("ingress-accept", this::accept).start();
    }

    /** The one address the browser knows. */
    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/";
    }

    /** How many connections went to the instance on this port. */
    int connectionsTo(int instancePort) {
        return connections.getOrDefault(instancePort, new AtomicInteger()).get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket browser = listener.accept();
                daemon("ingress-connect", () -> connect(browser)).start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void connect(Socket browser) {
        for (int port : instances) {
            try {
                Socket instance = new Socket();
                instance.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                connections.computeIfAbsent(port, p -> new AtomicInteger()).incrementAndGet();
                daemon("ingress-up", () -> pipe(browser, instance)).start();
                pipe(instance, browser);
                return;
            } catch (IOException refused) {
                // that instance is gone: the next one
            }
        }
        closeQuietly(browser);
    }

    /** Copies until either side ends, then ends both (a dead instance's connections end at the browser too). */
    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ended) {
            // reset or closed by the other pipe
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static Thread daemon(String name, Runnable run) {
        Thread thread = new Thread(run, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
