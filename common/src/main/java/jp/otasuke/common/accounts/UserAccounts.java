package jp.otasuke.common.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
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
import jp.otasuke.common.problem.Refusal;

/**
 * People's accounts in Keycloak, the one way the services reach it: created through the admin API with the
 * provisioning client's service account, so that onboarding an SME or an engineer is one call, not two consoles;
 * read back when someone must be told something (their address, who holds a role). A service that uses it turns
 * the Keycloak admin client on ({@code quarkus.keycloak.admin-client.*}).
 */
@ApplicationScoped
public class UserAccounts {

    /** Who to create: the role and the scope attribute ({@code tenant_id}, {@code engineer_id}) its tokens carry. */
    public record NewUser(String email, String firstName, String lastName, String role, Map<String, String> attributes,
            String initialPassword) {
    }

    /** A created account; {@code generatedPassword} is set only when we generated it (shown once, temporary). */
    public record Account(String userId, String username, String generatedPassword) {
    }

    /** An enabled account as it is read back: who, and where mail reaches them. */
    public record Found(String username, String email) {
    }

    /** Keycloak could not be asked (away, or refusing): whoever asked tries again later. */
    public static final class Unreachable extends Exception {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final String REALM = "otasuke";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Instance<Keycloak> keycloak;

    UserAccounts(Instance<Keycloak> keycloak) {
        this.keycloak = keycloak;
    }

    /**
     * Creates the user with its role and attributes; the username is the e-mail address.
     *
     * @throws ProblemException 409 when the username is taken, 503 when Keycloak cannot be reached
     */
    public Account create(NewUser who) {
        String username = who.email().toLowerCase(Locale.ROOT);
        boolean generated = who.initialPassword() == null;
        String password = generated ? randomPassword() : who.initialPassword();
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(generated);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username);
        user.setEmailVerified(true);
        user.setFirstName(who.firstName());
        user.setLastName(who.lastName());
        user.setEnabled(true);
        user.setAttributes(who.attributes().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
        user.setCredentials(List.of(credential));
        try {
            RealmResource realm = keycloak.get().realm(REALM);
            String userId;
            try (Response response = realm.users().create(user)) {
                if (response.getStatus() == 409) {
                    throw Refusal.conflict("account.username-taken", "A user named " + username + " already exists",
                            "username", username).problem();
                }
                userId = CreatedResponseUtil.getCreatedId(response);
            }
            realm.users().get(userId).roles().realmLevel().add(List.of(realm.roles().get(who.role()).toRepresentation()));
            return new Account(userId, username, generated ? password : null);
        } catch (ProcessingException | WebApplicationException e) {
            Log.warnf("Keycloak refused or did not answer while creating a %s user: %s", who.role(), e.getMessage());
            throw ProblemException.unavailable("The identity provider is not available; nothing was created", 10);
        }
    }

    /** Undoes {@link #create} when what the account belongs to could not be stored (nothing half-made remains). */
    public void delete(String userId) {
        try {
            keycloak.get().realm(REALM).users().delete(userId).close();
        } catch (RuntimeException e) {
            Log.errorf("Could not delete Keycloak user %s after a failed onboarding: %s", userId, e.getMessage());
        }
    }

    public Optional<Found> byUsername(String username) throws Unreachable {
        return first(() -> keycloak.get().realm(REALM).users().searchByUsername(username, true));
    }

    /** The account whose attribute has this value (an engineer by {@code engineer_id}). */
    public Optional<Found> byAttribute(String name, String value) throws Unreachable {
        return first(() -> keycloak.get().realm(REALM).users().searchByAttributes(name + ":" + value, true));
    }

    /** The usernames of everyone holding the realm role (who may be on call: the SOC operators). */
    public Set<String> withRole(String role) throws Unreachable {
        try {
            return keycloak.get().realm(REALM).roles().get(role).getUserMembers(0, 1000).stream()
                    .map(UserRepresentation::getUsername).collect(Collectors.toSet());
        } catch (ProcessingException | WebApplicationException e) {
            throw new Unreachable("Keycloak could not list the " + role + " users: " + e.getMessage(), e);
        }
    }

    /** The same, for a request that checks names against them: Keycloak away is a 503 to try again. */
    public Set<String> withRoleOrUnavailable(String role) {
        try {
            return withRole(role);
        } catch (Unreachable e) {
            throw ProblemException.unavailable("The " + role + " users cannot be checked now; try again shortly", 10);
        }
    }

    private static Optional<Found> first(Supplier<List<UserRepresentation>> search) throws Unreachable {
        try {
            return search.get().stream().filter(u -> Boolean.TRUE.equals(u.isEnabled())).findFirst()
                    .map(u -> new Found(u.getUsername(), u.getEmail()));
        } catch (ProcessingException | WebApplicationException e) {
            throw new Unreachable("Keycloak could not be asked: " + e.getMessage(), e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
