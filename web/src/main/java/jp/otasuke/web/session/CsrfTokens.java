package jp.otasuke.web.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jp.otasuke.web.WebConfig;

/**
 * The token a page must send with every state-changing call ({@code X-CSRF-Token}): an HMAC of the person's
 * session, handed out by {@code GET /session} to the page's own script. Another site can make the browser send
 * the session cookie, but cannot read this token; it is stateless, so any instance behind a load balancer checks it.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String HEADER = "X-CSRF-Token";

    private final SecretKeySpec key;

    CsrfTokens(WebConfig config) {
        this.key = new SecretKeySpec(config.csrfKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String tokenFor(Person person) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((person.subject() + "|" + person.session()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public boolean matches(Person person, String presented) {
        return presented != null && MessageDigest.isEqual(tokenFor(person).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
