package jp.otasuke.infra.platform;

import jp.otasuke.infra.process.FreePorts;

/**
 * Where a service listens: its public API, and the management interface (health, metrics) that only the
 * platform's operators and probes reach.
 */
public record ServicePorts(int api, int management) {

    /** Two free ports, for tests and benchmarks. */
    public static ServicePorts random() {
        return new ServicePorts(FreePorts.find(), FreePorts.find());
    }

    public String apiUrl() {
        return "http://localhost:" + api;
    }

    public String managementUrl() {
        return managementUrl("localhost");
    }

    /** The management interface as seen at another address (an instance on a host of a test's own). */
    public String managementUrl(String host) {
        return "http://" + host + ":" + management;
    }
}
