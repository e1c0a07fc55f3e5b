package jp.otasuke.common.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.otasuke.common.config.SharedConfig;

/**
 * Keeps secrets that must be read back encrypted at rest (AES-256-GCM, the key from {@code otasuke.shared.secret-box.key},
 * which each service that uses it sets from an environment variable): an insurer's webhook signing secret, a
 * person's chat webhook address. Unlike passwords and API keys they cannot be stored as a hash.
 * <p>
 * A sealed value names the key that sealed it ({@code <key id>:<base64>}), so a key can be rotated: the new key gets a
 * new id ({@code SECRET_BOX_KEY_ID}) and the old one stays listed ({@code SECRET_BOX_OLD_KEYS="1=…"}) until nothing it
 * sealed is left. Values sealed before key ids existed carry none and are opened with whichever listed key fits
 * (GCM tells a wrong key from the right one).
 */
@ApplicationScoped
public class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final String keyId;
    /** Every key that can open, by id: the sealing one first. */
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    @Inject
    SecretBox(SharedConfig config) {
        this(config.secretBox().key().orElseThrow(() -> new IllegalStateException(
                "otasuke.shared.secret-box.key (SECRET_BOX_KEY) is not set: this service seals secrets and needs a key")),
                config.secretBox().keyId(), config.secretBox().oldKeys().orElse(""));
    }

    SecretBox(String keyMaterial, String keyId, String oldKeys) {
        this.keyId = keyId;
        if (!keyId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalStateException("SECRET_BOX_KEY_ID may hold letters, digits, '-' and '_' only");
        }
        keys.put(keyId, aesKey(keyMaterial));
        for (String old : oldKeys.split(";")) {
            int equals = old.indexOf('=');
            if (equals > 0) {
                keys.putIfAbsent(old.substring(0, equals).trim(), aesKey(old.substring(equals + 1)));
            } else if (!old.isBlank()) {
                throw new IllegalStateException("SECRET_BOX_OLD_KEYS holds id=key pairs separated by ';'");
            }
        }
    }

    private static SecretKeySpec aesKey(String keyMaterial) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyMaterial.getBytes(StandardCharsets.UTF_8));
            return new SecretKeySpec(digest, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(String secret) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(keyId), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return keyId + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    public String open(String sealed) {
        int colon = sealed.indexOf(':'); // never in Base64
        if (colon < 0) {
            for (SecretKeySpec key : keys.values()) {
                try {
                    return open(key, sealed);
                } catch (GeneralSecurityException wrongKey) {
                    // sealed before key ids: the next listed key may be the one
                }
            }
            throw new IllegalStateException("cannot decrypt a sealed secret with any listed key (was a key removed from SECRET_BOX_OLD_KEYS?)");
        }
        SecretKeySpec key = keys.get(sealed.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("a secret was sealed with key " + sealed.substring(0, colon)
                    + ", which is neither SECRET_BOX_KEY_ID nor in SECRET_BOX_OLD_KEYS");
        }
        try {
            return open(key, sealed.substring(colon + 1));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a secret sealed with key " + sealed.substring(0, colon)
                    + " (was that key's value changed?)", e);
        }
    }

    private static String open(SecretKeySpec key, String base64) throws GeneralSecurityException {
        byte[] all = Base64.getDecoder().decode(base64);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
        return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    }

}
