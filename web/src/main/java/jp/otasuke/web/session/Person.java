package jp.otasuke.web.session;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The person signed in on this request, as web needs them: who (for the page), which app is theirs, what they
 * may be told live (tenant, engineer), and their access token, which only ever leaves towards our services.
 */
@RequestScoped
public class Person {

    @Inject
    SecurityIdentity identity;
    @Inject
    @IdToken
    JsonWebToken idToken;

    public String username() {
        return idToken.<String>claim("preferred_username").orElse(identity.getPrincipal().getName());
    }

    public String displayName() {
        return idToken.<String>claim("name").orElse(username());
    }

    public String subject() {
        return idToken.getSubject();
    }

    /** The Keycloak session this sign-in belongs to (the ID token's {@code sid}): CSRF tokens are bound to it. */
    public String session() {
        return idToken.<String>claim("sid").orElse(idToken.getSubject() + "@" + idToken.getIssuedAtTime());
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> tenantId() {
        return idToken.claim("tenant_id").map(Object::toString);
    }

    public Optional<String> engineerId() {
        return idToken.claim("engineer_id").map(Object::toString);
    }

    public String accessToken() {
        return identity.getCredential(AccessTokenCredential.class).getToken();
    }
}
