package jp.otasuke.ingest.sensor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A sensor's API key: 256 random bits, shown once. Only its SHA-256 hash is stored; a random key of this
 * length needs no salt or slow hash to resist guessing, and the hash lets us find the sensor by key.
 */
public record SensorKey(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "osk_";

    public static SensorKey generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SensorKey(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String hash() {
        return hash(value);
    }

    /** The first characters, safe to show in lists so an operator can tell keys apart. */
    public String prefix() {
        return value.substring(0, Math.min(value.length(), PREFIX.length() + 6));
    }

    public static String hash(String presented) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(presented.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Never print the key itself (logs, exceptions). */
    @Override
    public String toString() {
        return prefix() + "…";
    }
}
