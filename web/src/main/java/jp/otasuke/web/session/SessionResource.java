package jp.otasuke.web.session;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What a page learns about its person: names, roles, their app, and the CSRF token for its calls. Never a token. */
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll // the path itself needs a session (application.properties); every person may read their own
public class SessionResource {

    private final Person person;
    private final CsrfTokens csrf;

    SessionResource(Person person, CsrfTokens csrf) {
        this.person = person;
        this.csrf = csrf;
    }

    public record SessionView(String username, String name, Set<String> roles, String home, String tenantId,
            String engineerId, String csrfToken) {
    }

    @GET
    public SessionView get() {
        return new SessionView(person.username(), person.displayName(), Set.copyOf(List.copyOf(person.roles())),
                person.home().orElse(null), person.tenantId().orElse(null), person.engineerId().orElse(null),
                csrf.tokenFor(person));
    }
}
