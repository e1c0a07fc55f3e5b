package jp.otasuke.notify.people;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;

import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.contract.security.Roles;

/**
 * People's accounts, read from Keycloak through the admin API: the address of an operator (by username) or of an
 * engineer (by the engineer_id its account carries). Keycloak is asked when a notice is sent, not when it is
 * written, so Keycloak being away delays a notice and never fails the consumer that wrote it.
 */
@ApplicationScoped
public class People {

    /** Who a notice reaches: the username its preferences are kept under, and the mail address. */
    public record Person(String username, String email) {
    }

    /** Keycloak could not be asked; the notice is tried again later. */
    public static final class Unreachable extends Exception {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final String REALM = "otasuke";
    private final Keycloak keycloak;

    People(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    public Optional<Person> byUsername(String username) throws Unreachable {
        return one(() -> keycloak.realm(REALM).users().searchByUsername(username, true));
    }

    public Optional<Person> byEngineerId(UUID engineerId) throws Unreachable {
        return one(() -> keycloak.realm(REALM).users().searchByAttributes("engineer_id:" + engineerId, true));
    }

    /** The usernames of everyone with the soc-operator role: who may be on call. */
    public Set<String> socOperators() throws Unreachable {
        try {
            return keycloak.realm(REALM).roles().get(Roles.SOC_OPERATOR).getUserMembers(0, 1000).stream()
                    .map(UserRepresentation::getUsername).collect(Collectors.toSet());
        } catch (ProcessingException | WebApplicationException e) {
            throw new Unreachable("Keycloak could not list the SOC operators: " + e.getMessage(), e);
        }
    }

    /** The SOC operators, for a request that checks names against them: Keycloak away is a 503 to try again. */
    public Set<String> socOperatorsOrUnavailable() {
        try {
            return socOperators();
        } catch (Unreachable e) {
            throw ProblemException.unavailable("The SOC operators cannot be checked now; try again shortly", 10);
        }
    }

    private interface Search {
        List<UserRepresentation> run();
    }

    private static Optional<Person> one(Search search) throws Unreachable {
        try {
            return search.run().stream().filter(u -> Boolean.TRUE.equals(u.isEnabled())).findFirst()
                    .map(u -> new Person(u.getUsername(), u.getEmail()));
        } catch (ProcessingException | WebApplicationException e) {
            throw new Unreachable("Keycloak could not be asked: " + e.getMessage(), e);
        }
    }
}
