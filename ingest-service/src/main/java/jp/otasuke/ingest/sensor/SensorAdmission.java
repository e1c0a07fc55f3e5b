package jp.otasuke.ingest.sensor;

import jakarta.enterprise.context.ApplicationScoped;

import jp.otasuke.common.problem.ProblemException;

/** What a sensor's request passes before anything is read: a known, active key (401), its rate (429), the size (413). */
@ApplicationScoped
public class SensorAdmission {

    /** The most one request may carry (a sensor splits larger batches). */
    public static final int MAX_BODY_BYTES = 5 * 1024 * 1024;

    private final SensorRateLimiter rateLimiter;

    SensorAdmission(SensorRateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    /** @param bodyBytes the body's declared length; null when the body comes in chunks (see {@link #checkSize}) */
    public Sensor admit(String key, Long bodyBytes) {
        if (key == null || key.isBlank()) {
            throw new ProblemException(401, "Unauthorized", "Send the sensor's API key in X-Sensor-Key");
        }
        Sensor sensor = Sensor.byKey(key.trim())
                .orElseThrow(() -> new ProblemException(401, "Unauthorized", "Unknown or revoked sensor key"));
        if (!rateLimiter.tryAcquire(sensor.id)) {
            throw new ProblemException(429, "Too Many Requests",
                    "This sensor sends faster than its rate limit; retry after a second").withHeader("Retry-After", "1");
        }
        if (bodyBytes != null) {
            checkSize(bodyBytes);
        }
        return sensor;
    }

    public void checkSize(long bodyBytes) {
        if (bodyBytes > MAX_BODY_BYTES) {
            throw new ProblemException(413, "Content Too Large", "The body is " + bodyBytes
                    + " bytes; at most " + MAX_BODY_BYTES + " (5 MiB) per request: split the batch");
        }
    }
}
