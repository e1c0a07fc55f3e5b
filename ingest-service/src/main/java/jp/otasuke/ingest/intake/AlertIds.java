package jp.otasuke.ingest.intake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic alert ids (UUID version 5, RFC 9562): of the sensor and the source's own reference when it
 * has one, else of the sensor and the raw record's bytes. The same alert sent twice gets the same id, so it
 * counts once in every incident.
 */
public final class AlertIds {

    /** The namespace of Otasuke alert ids (a fixed random UUID). */
    private static final UUID NAMESPACE = UUID.fromString("6f2b1a4e-3c1d-4e8b-9a57-0b5f3d2c7e91");
    /** Looking a digest up costs more than hashing a short alert: one per intake thread. */
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private AlertIds() {
    }

    public static UUID of(UUID sensorId, String sourceRef, String raw) {
        // the name is the sensor, a marker and the reference or raw record: hashed part by part, not concatenated,
        // since a raw record is a kilobyte or more (the same bytes, as the first part and the marker are ASCII)
        return sourceRef != null && !sourceRef.isBlank()
                ? v5(NAMESPACE, sensorId + "\nref\n", sourceRef)
                : v5(NAMESPACE, sensorId + "\nraw\n", raw);
    }

    static UUID v5(UUID namespace, String... name) {
        MessageDigest sha1 = SHA1.get();
        sha1.reset();
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array());
        for (String part : name) {
            sha1.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8)); // a missing raw record hashed as "null", as before
        }
        byte[] hash = sha1.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
