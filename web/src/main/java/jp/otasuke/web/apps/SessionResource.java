package jp.otasuke.web.apps;

import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import jp.otasuke.web.WebConfig;
import jp.otasuke.web.session.CsrfTokens;
import jp.otasuke.web.session.Person;

/**
 * What a page learns about its person: names, roles, their app, and the CSRF token for its calls. Never a token.
 * It lives with the apps (it answers them) so that the session package knows nothing of the apps.
 */
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll // the path itself needs a session (application.properties); every person may read their own
public class SessionResource {

    private final Person person;
    private final CsrfTokens csrf;
    private final String intakeUrl;
    private final String syslogHost;

    SessionResource(Person person, CsrfTokens csrf, WebConfig config) {
        this.person = person;
        this.csrf = csrf;
        this.intakeUrl = config.sensorIntakeUrl();
        this.syslogHost = config.syslogHost();
    }

    /** {@code intakeUrl}, {@code syslogHost}: where sensors send, for the set-up lines the administration shows. */
    public record SessionView(String username, String name, Set<String> roles, String home, String tenantId,
            String engineerId, String csrfToken, String intakeUrl, String syslogHost) {
    }

    @GET
    public SessionView get() {
        return new SessionView(person.username(), person.displayName(), Set.copyOf(person.roles()),
                App.of(person).map(App::path).orElse(null), person.tenantId().orElse(null), person.engineerId().orElse(null),
                csrf.tokenFor(person), intakeUrl, syslogHost);
    }
}
