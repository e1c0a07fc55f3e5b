package jp.otasuke.notify.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import jp.otasuke.common.events.Enums.Priority;
import jp.otasuke.common.events.IncidentOpened;
import jp.otasuke.common.text.Sentence;
import jp.otasuke.notify.notice.Notice;
import jp.otasuke.notify.notice.Notices;
import jp.otasuke.notify.oncall.OnCall;
import jp.otasuke.notify.tenant.TenantContact;

/**
 * The PagerDuty part: a P1 or P2 incident opened tells level 1 (the person on call) at once; not acknowledged at
 * half its clock, levels 1 and 2; breached, every level. Each step and its notices commit together, under the
 * escalation's row lock, so a step is taken once however many instances watch and whenever one restarts.
 */
@ApplicationScoped
public class Escalations {

    private final Notices notices;
    private final OnCall onCall;

    Escalations(Notices notices, OnCall onCall) {
        this.notices = notices;
        this.onCall = onCall;
    }

    static boolean escalates(Priority priority) {
        return priority == Priority.P1 || priority == Priority.P2;
    }

    /** Opens the escalation and takes its first step; an incident seen again changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(IncidentOpened incident) {
        if (!escalates(incident.priority()) || incident.ackDueAt() == null
                || Escalation.findById(incident.incidentId()) != null) {
            return;
        }
        Escalation escalation = new Escalation();
        escalation.incidentId = incident.incidentId();
        escalation.tenantId = incident.tenantId();
        escalation.priority = incident.priority().name();
        escalation.title = incident.title();
        escalation.openedAt = incident.occurredAt();
        escalation.ackDueAt = incident.ackDueAt();
        escalation.persist();
        take(escalation, Escalation.OPENED);
    }

    /** Acknowledged, resolved or closed: no further step, and no escalation notice still waiting is sent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stop(UUID incidentId, String because, Instant at) {
        Escalation escalation = Escalation.findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
        if (escalation == null || escalation.stoppedAt != null) {
            return;
        }
        escalation.stoppedAt = at;
        escalation.stoppedBecause = because;
        escalation.nextStepAt = null;
        int cancelled = notices.cancelEscalation(incidentId);
        Log.infof("Escalation of incident %s stopped (%s) after step %d; %d notices not sent", incidentId, because,
                escalation.step, cancelled);
    }

    /** Breached, as triage says: the last step now, if the clock has not taken it already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void breached(UUID incidentId) {
        Escalation escalation = Escalation.findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
        if (escalation != null && escalation.stoppedAt == null && escalation.step < Escalation.BREACHED) {
            take(escalation, Escalation.BREACHED);
        }
    }

    /** Takes a step on a locked, running escalation: its notices, and when the next is due. */
    void take(Escalation escalation, int step) {
        EscalationPolicy policy = EscalationPolicy.findById(escalation.priority);
        List<EscalationPolicy.Level> levels = policy == null ? List.of(new EscalationPolicy.Level(true, null, null)) : policy.levels;
        int reach = switch (step) {
            case Escalation.OPENED -> 1;
            case Escalation.HALF_CLOCK -> 2;
            default -> levels.size();
        };
        String about = switch (step) {
            case Escalation.OPENED -> "soc.opened";
            case Escalation.HALF_CLOCK -> "soc.not-acknowledged";
            default -> "soc.breached";
        };
        TenantContact tenant = TenantContact.findById(escalation.tenantId);
        Sentence words = Sentence.of(about, "title", escalation.title, "priority", escalation.priority,
                "tenant", tenant == null ? escalation.tenantId.toString() : tenant.name, "ackDueAt", escalation.ackDueAt,
                "incidentId", escalation.incidentId.toString());
        List<Notices.Draft> drafts = new ArrayList<>();
        for (Target target : targets(levels.subList(0, Math.min(reach, levels.size())))) {
            drafts.add(new Notices.Draft("escalation:" + escalation.incidentId + ":" + step + ":" + target.kind() + ":"
                    + target.recipient(), escalation.incidentId, escalation.tenantId, Notice.Audience.SOC, target.kind(),
                    target.recipient(), words, escalation.priority));
        }
        if (drafts.isEmpty()) {
            Log.warnf("Escalation step %d of incident %s reaches nobody: no one is on call and the policy names no one",
                    step, escalation.incidentId);
        }
        notices.writeAll(drafts);
        escalation.step = step;
        escalation.nextStepAt = escalation.dueAfter(step);
    }

    private record Target(Notice.RecipientKind kind, String recipient) {
    }

    /** Everyone the levels name, each once: the one on call now, named operators, team chats. */
    private Set<Target> targets(List<EscalationPolicy.Level> levels) {
        Set<Target> targets = new LinkedHashSet<>();
        for (EscalationPolicy.Level level : levels) {
            if (level.onCall()) {
                onCall.at(Instant.now()).ifPresent(u -> targets.add(new Target(Notice.RecipientKind.USER, u)));
            }
            level.users().forEach(u -> targets.add(new Target(Notice.RecipientKind.USER, u)));
            level.chatWebhooksSealed().forEach(w -> targets.add(new Target(Notice.RecipientKind.TEAM_CHAT, w)));
        }
        return targets;
    }
}
