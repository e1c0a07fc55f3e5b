package jp.otasuke.common.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    @Test
    void aRotatedKeyStillOpensWhatItSealedAndNewValuesUseTheNewKey() {
        String sealedIn2026 = new SecretBox("key of 2026", "2026", "").seal("https://chat.example/hooks/abc");

        SecretBox rotated = new SecretBox("key of 2027", "2027", "2026=key of 2026");

        assertTrue(sealedIn2026.startsWith("2026:"));
        assertEquals("https://chat.example/hooks/abc", rotated.open(sealedIn2026));
        assertTrue(rotated.seal("whsec_1").startsWith("2027:"));
        assertEquals("whsec_1", rotated.open(rotated.seal("whsec_1")));
    }

    @Test
    void aValueSealedBeforeKeyIdsIsOpenedByWhicheverListedKeyFits() throws Exception {
        String unnamed = sealedTheOldWay("key of 2025", "whsec_old");

        assertEquals("whsec_old", new SecretBox("key of 2027", "2027", "1=key of 2025").open(unnamed));
    }

    @Test
    void aKeyThatIsNotListedIsNamedInTheError() {
        String sealed = new SecretBox("key of 2026", "2026", "").seal("x");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new SecretBox("key of 2027", "2027", "").open(sealed));
        assertTrue(refused.getMessage().contains("key 2026"), refused.getMessage());
    }

    /** As SecretBox sealed before key ids: the IV and the ciphertext in Base64, nothing else. */
    private static String sealedTheOldWay(String key, String secret) throws Exception {
        SecretKeySpec aes = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), "AES");
        byte[] iv = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
    }
}
