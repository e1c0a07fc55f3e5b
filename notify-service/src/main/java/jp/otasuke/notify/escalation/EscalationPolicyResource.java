package jp.otasuke.notify.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import jp.otasuke.common.accounts.UserAccounts;
import jp.otasuke.common.outbound.OutboundUrlPolicy;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.secrets.SecretBox;
import jp.otasuke.common.security.Caller;
import jp.otasuke.contract.security.Roles;

/**
 * The escalation policy of P1 and P2, kept by platform-admin: for each level, whether the person on call is told,
 * which operators, which team chats. Chat webhook addresses are credentials: accepted, stored sealed, never shown.
 */
@Path("/api/v1/escalation-policies")
@Produces(MediaType.APPLICATION_JSON)
public class EscalationPolicyResource {

    public record LevelRequest(boolean onCall, @Size(max = 20) List<String> users, @Size(max = 5) List<String> chatWebhooks) {
    }

    public record PolicyRequest(@NotNull @Size(min = 1, max = 5) List<@Valid @NotNull LevelRequest> levels) {
    }

    public record LevelView(int level, boolean onCall, List<String> users, int chatWebhooks) {
    }

    public record PolicyView(String priority, List<LevelView> levels, String updatedBy, Instant updatedAt) {
        static PolicyView of(EscalationPolicy p) {
            List<LevelView> levels = new ArrayList<>();
            for (int i = 0; i < p.levels.size(); i++) {
                EscalationPolicy.Level level = p.levels.get(i);
                levels.add(new LevelView(i + 1, level.onCall(), level.users(), level.chatWebhooksSealed().size()));
            }
            return new PolicyView(p.priority, levels, p.updatedBy, p.updatedAt);
        }
    }

    private static final Set<String> ESCALATING = Set.of("P1", "P2");
    private final Caller caller;
    private final UserAccounts accounts;
    private final SecretBox secrets;
    private final OutboundUrlPolicy urlPolicy;

    EscalationPolicyResource(Caller caller, UserAccounts accounts, SecretBox secrets, OutboundUrlPolicy urlPolicy) {
        this.caller = caller;
        this.accounts = accounts;
        this.secrets = secrets;
        this.urlPolicy = urlPolicy;
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SOC_OPERATOR})
    public List<PolicyView> policies() {
        return EscalationPolicy.<EscalationPolicy>listAll(io.quarkus.panache.common.Sort.by("priority")).stream()
                .map(PolicyView::of).toList();
    }

    /** Replaces the levels of P1 or P2; the operators named must be soc-operators, the chats pass the outbound policy. */
    @PUT
    @Path("/{priority}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Transactional
    public PolicyView keep(@PathParam("priority") String priority, @Valid @NotNull PolicyRequest request) {
        if (!ESCALATING.contains(priority)) {
            throw ProblemException.badField("priority", "only P1 and P2 escalate");
        }
        Set<String> operators = accounts.withRoleOrUnavailable(Roles.SOC_OPERATOR);
        List<EscalationPolicy.Level> levels = new ArrayList<>();
        for (int i = 0; i < request.levels().size(); i++) {
            LevelRequest level = request.levels().get(i);
            String at = "levels[" + i + "]";
            List<String> users = level.users() == null ? List.of() : level.users();
            for (String user : users) {
                if (!operators.contains(user)) {
                    throw ProblemException.badField(at + ".users", user + " is not a SOC operator");
                }
            }
            List<String> sealed = new ArrayList<>();
            for (String webhook : level.chatWebhooks() == null ? List.<String>of() : level.chatWebhooks()) {
                try {
                    sealed.add(secrets.seal(urlPolicy.check(webhook).toString()));
                } catch (OutboundUrlPolicy.Refused refused) {
                    throw ProblemException.badField(at + ".chatWebhooks", refused.getMessage().replaceFirst("^url", "chatWebhook"));
                }
            }
            if (!level.onCall() && users.isEmpty() && sealed.isEmpty()) {
                throw ProblemException.badField(at, "a level tells someone: the person on call, users or chatWebhooks");
            }
            levels.add(new EscalationPolicy.Level(level.onCall(), users, sealed));
        }
        EscalationPolicy policy = EscalationPolicy.findById(priority);
        if (policy == null) {
            policy = new EscalationPolicy();
            policy.priority = priority;
            policy.persist();
        }
        policy.levels = levels;
        policy.updatedBy = caller.username();
        policy.updatedAt = Instant.now();
        return PolicyView.of(policy);
    }
}
