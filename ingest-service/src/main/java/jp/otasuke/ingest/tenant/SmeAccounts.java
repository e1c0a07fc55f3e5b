package jp.otasuke.ingest.tenant;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.quarkus.logging.Log;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.security.Roles;

/** The SME users in Keycloak, created through the admin API with the provisioning client's service account. */
@ApplicationScoped
public class SmeAccounts {

    /** A created account; {@code generatedPassword} is set only when we generated it (shown once). */
    public record Account(String userId, String username, String generatedPassword) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Keycloak keycloak;

    SmeAccounts(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    /**
     * Creates the user with role sme-user and attribute tenant_id.
     *
     * @throws ProblemException 409 when the username is taken, 503 when Keycloak cannot be reached
     */
    public Account create(UUID tenantId, String tenantName, OnboardTenantRequest.AdminRequest admin) {
        String username = admin.email().toLowerCase(java.util.Locale.ROOT);
        boolean generated = admin.initialPassword() == null;
        String password = generated ? randomPassword() : admin.initialPassword();
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(generated);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username);
        user.setEmailVerified(true);
        user.setFirstName(admin.name());
        user.setLastName(tenantName);
        user.setEnabled(true);
        user.setAttributes(Map.of("tenant_id", List.of(tenantId.toString())));
        user.setCredentials(List.of(credential));
        try {
            RealmResource realm = keycloak.realm("otasuke");
            String userId;
            try (Response response = realm.users().create(user)) {
                if (response.getStatus() == 409) {
                    throw ProblemException.conflict("A user named " + username + " already exists");
                }
                userId = CreatedResponseUtil.getCreatedId(response);
            }
            realm.users().get(userId).roles().realmLevel()
                    .add(List.of(realm.roles().get(Roles.SME_USER).toRepresentation()));
            return new Account(userId, username, generated ? password : null);
        } catch (ProcessingException | WebApplicationException e) {
            Log.warnf("Keycloak refused or did not answer while creating an SME user: %s", e.getMessage());
            throw new ProblemException(503, "Service Unavailable", "The identity provider is not available; nothing was created");
        }
    }

    /** Undoes {@link #create} when the tenant could not be stored (no half-made tenant). */
    public void delete(String userId) {
        try {
            keycloak.realm("otasuke").users().delete(userId).close();
        } catch (RuntimeException e) {
            Log.errorf("Could not delete Keycloak user %s after a failed onboarding: %s", userId, e.getMessage());
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
