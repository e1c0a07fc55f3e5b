package jp.otasuke.dispatch.engineer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.otasuke.common.accounts.UserAccounts;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.problem.Refusal;
import jp.otasuke.common.skills.Skills;
import jp.otasuke.contract.security.Roles;

/**
 * Onboarding an engineer is one call: the Keycloak user (role field-engineer, claim engineer_id) and the roster
 * entry. If the roster entry cannot be stored, the user is deleted again: no half-made engineer.
 */
@ApplicationScoped
public class EngineerOnboarding {

    /** The new engineer, and the generated password when none was given (shown once). */
    public record Onboarded(UUID id, String username, String initialPassword) {
    }

    private final UserAccounts accounts;
    private final Event<EngineersChanged> changed;

    EngineerOnboarding(UserAccounts accounts, Event<EngineersChanged> changed) {
        this.accounts = accounts;
        this.changed = changed;
    }

    public Onboarded onboard(OnboardEngineerRequest request) {
        List<String> skills = request.skills().stream().map(String::strip).toList();
        for (int i = 0; i < skills.size(); i++) {
            if (!Skills.known(skills.get(i))) {
                throw ProblemException.badField("skills[" + i + "]", Skills.unknownMessage(skills.get(i)));
            }
        }
        if (!request.shift().start().isBefore(request.shift().end())) {
            throw new ProblemException(400, "Bad Request", "The shift must start before it ends",
                    List.of(new jp.otasuke.contract.problem.Problem.FieldError("shift.end", "must be after shift.start")));
        }
        UUID id = UUID.randomUUID();
        String[] name = request.name().strip().split("\\s+", 2);
        UserAccounts.Account account = accounts.create(new UserAccounts.NewUser(request.email(), name[0],
                name.length > 1 ? name[1] : "-", Roles.FIELD_ENGINEER, Map.of("engineer_id", id.toString()),
                request.initialPassword()));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                store(id, request, account.username());
                changed.fire(new EngineersChanged()); // a new pair of hands may rescue waiting jobs
            });
        } catch (RuntimeException e) {
            accounts.delete(account.userId());
            throw e;
        }
        Log.infof("Onboarded engineer %s as %s", id, account.userId());
        return new Onboarded(id, account.username(), account.generatedPassword());
    }

    private static void store(UUID id, OnboardEngineerRequest request, String username) {
        if (Engineer.count("email", request.email().toLowerCase(Locale.ROOT)) > 0) {
            throw Refusal.conflict("engineer.email-taken", "An engineer with e-mail " + request.email() + " exists already",
                    "email", request.email()).atField("email").problem();
        }
        Engineer engineer = new Engineer();
        engineer.id = id;
        engineer.name = request.name().strip();
        engineer.email = request.email().toLowerCase(Locale.ROOT);
        engineer.username = username;
        engineer.homeLatitude = request.homeBase().latitude();
        engineer.homeLongitude = request.homeBase().longitude();
        engineer.skills = request.skills().stream().map(String::strip).distinct().toList(); // exact codes: checked above
        engineer.shiftDays = request.shift().days().stream().distinct().toList();
        engineer.shiftStart = request.shift().start();
        engineer.shiftEnd = request.shift().end();
        engineer.persist();
    }
}
