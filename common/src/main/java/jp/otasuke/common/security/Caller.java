package jp.otasuke.common.security;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import jp.otasuke.common.problem.ProblemException;

/**
 * Who is calling, from the validated Keycloak token: the username, the roles, and the scope claims
 * ({@code tenant_id} for SME users, {@code insurer_id} for insurers, {@code engineer_id} for field
 * engineers) that queries must filter on.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String username() {
        String preferred = token.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public Optional<UUID> tenantId() {
        return uuidClaim("tenant_id");
    }

    public Optional<UUID> engineerId() {
        return uuidClaim("engineer_id");
    }

    public Optional<String> insurerId() {
        return Optional.ofNullable(token.<Object>getClaim("insurer_id")).map(Object::toString);
    }

    /** The tenant an SME user may see; an SME token without the claim may see nothing. */
    public UUID requireTenantId() {
        return tenantId().orElseThrow(() -> ProblemException.forbidden("The token carries no tenant_id"));
    }

    public String requireInsurerId() {
        return insurerId().orElseThrow(() -> ProblemException.forbidden("The token carries no insurer_id"));
    }

    /** The engineer a field engineer is; an engineer's token without the claim may act on no job. */
    public UUID requireEngineerId() {
        return engineerId().orElseThrow(() -> ProblemException.forbidden("The token carries no engineer_id"));
    }

    private Optional<UUID> uuidClaim(String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
