package jp.otasuke.triage.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.otasuke.common.events.IncidentOnsiteRequested;
import jp.otasuke.common.events.Site;
import jp.otasuke.common.problem.ProblemException;
import jp.otasuke.common.problem.Refusal;
import jp.otasuke.common.skills.Skills;
import jp.otasuke.common.tenants.KnownTenant;
import jp.otasuke.triage.timeline.Visibility;

/**
 * The SOC operator's steps. Each takes the incident's row lock first, so two operators acting on the same
 * incident at once are applied one after the other: the second sees the first's result and gets a 409
 * with the reason, never a lost update. Each step is logged (timeline + event) in the same transaction.
 */
@ApplicationScoped
@Transactional
public class IncidentActions {

    private final IncidentLog log;
    private final jp.otasuke.triage.TriageConfig config;

    IncidentActions(IncidentLog log, jp.otasuke.triage.TriageConfig config) {
        this.log = log;
        this.config = config;
    }

    public Incident acknowledge(UUID id, String by) {
        Incident incident = locked(id);
        Instant now = Instant.now();
        Refusal.raiseIf(incident.acknowledge(by, now));
        log.acknowledged(incident, now);
        return incident;
    }

    public Incident assign(UUID id, IncidentRequests.Assign request, String by) {
        Incident incident = locked(id);
        Refusal.raiseIf(incident.assign(request.assignee().strip()));
        log.assigned(incident, by, Instant.now());
        return incident;
    }

    public Incident comment(UUID id, IncidentRequests.Comment request, String by) {
        Incident incident = locked(id);
        Refusal.raiseIf(incident.acceptComment());
        Instant now = Instant.now();
        boolean answer = request.visibility() == Visibility.CUSTOMER;
        if (answer && incident.status == IncidentStatus.OPEN) {
            // answering the SME is taking the incident on: it is acknowledged by whoever answers, and its clock stops
            Refusal.raiseIf(incident.acknowledge(by, now));
            log.acknowledged(incident, now);
        }
        log.commented(incident, request.text().strip(), answer, by, now);
        return incident;
    }

    /** Asks dispatch for an engineer at the tenant's site; the site must be known from the tenants topic. */
    public IncidentOnsiteRequested requestOnsite(UUID id, IncidentRequests.OnsiteRequest request, String by) {
        List<String> named = request.requiredSkills() == null ? List.of()
                : request.requiredSkills().stream().map(String::strip).distinct().toList();
        Skills.firstUnknown(named).ifPresent(unknown -> {
            throw ProblemException.badField("requiredSkills", Skills.unknownMessage(unknown));
        });
        Incident incident = locked(id);
        Site site = KnownTenant.<KnownTenant>findByIdOptional(incident.tenantId).map(KnownTenant::site).orElse(null);
        UUID requestId = UUID.randomUUID();
        Refusal.raiseIf(incident.requestOnsite(requestId));
        if (site == null) {
            throw Refusal.conflict("incident.site-unknown", "The site of tenant " + incident.tenantId
                    + " is not known yet, so no engineer can be sent; try again once the tenant is onboarded",
                    "tenant", incident.tenantId).problem();
        }
        List<String> skills = named.isEmpty() ? Skills.forCategory(incident.category) : named;
        IncidentOnsiteRequested event = new IncidentOnsiteRequested(UUID.randomUUID(), Instant.now(), incident.id,
                incident.tenantId, requestId, request.reason().strip(), request.urgency(), skills, incident.title,
                incident.category, incident.priority, site, by);
        log.onsiteRequested(event);
        return event;
    }

    public Incident resolve(UUID id, IncidentRequests.Resolve request, String by) {
        Incident incident = locked(id);
        Instant now = Instant.now();
        Refusal.raiseIf(incident.resolve(request.resolution(), request.summary().strip(), now));
        log.resolved(incident, by, now);
        return incident;
    }

    public Incident close(UUID id, String by) {
        Incident incident = locked(id);
        Instant now = Instant.now();
        Refusal.raiseIf(incident.close(now));
        log.closed(incident, by, now);
        return incident;
    }

    /**
     * Merges {@code otherId} into {@code id}: its alerts move here, it ends as MERGED. Both rows are locked in
     * id order (as correlation locks them), so a merge and an alert batch never deadlock.
     */
    public Incident merge(UUID id, UUID otherId, String by) {
        List<UUID> order = java.util.stream.Stream.of(id, otherId).distinct().sorted().toList();
        java.util.Map<UUID, Incident> lockedRows = new java.util.HashMap<>();
        for (UUID each : order) {
            lockedRows.put(each, locked(each));
        }
        Incident target = lockedRows.get(id);
        Incident other = lockedRows.get(otherId);
        Refusal.raiseIf(target.absorb(other));
        IncidentAlert.move(other.id, null, target.id);
        log.merged(target, other, by, Instant.now());
        return target;
    }

    /** Moves the named alerts (or one host's) into a new incident; this one keeps the rest. */
    public Incident detach(UUID id, IncidentRequests.Detach request, String by) {
        Incident source = locked(id);
        boolean byIds = request.alertIds() != null && !request.alertIds().isEmpty();
        boolean byHost = request.host() != null && !request.host().isBlank();
        if (byIds == byHost) {
            throw ProblemException.badField(byIds ? "host" : "alertIds", "Name either alertIds or host, not both and not neither");
        }
        if (!source.status.isActive() || source.kind != jp.otasuke.common.events.Enums.IncidentKind.ALERT) {
            throw Refusal.conflict("incident.wrong-state", "Incident is " + source.status
                    + "; alerts can be detached only from an active alert incident",
                    "incident", id, "step", "detach", "status", source.status).problem();
        }
        List<IncidentAlert> leaving = byIds
                ? IncidentAlert.ofIncident(id, request.alertIds())
                : IncidentAlert.aboutHost(id, request.host());
        if (byIds && leaving.size() != new java.util.HashSet<>(request.alertIds()).size()) {
            throw Refusal.conflict("incident.detach-foreign-alerts", "Not every alert named belongs to incident " + id,
                    "incident", id).problem();
        }
        if (leaving.isEmpty()) {
            throw Refusal.conflict("incident.detach-unknown-host", "Incident " + id + " has no alerts about host "
                    + request.host().strip(), "incident", id, "host", request.host().strip()).problem();
        }
        if (leaving.size() == source.alertCount) {
            throw Refusal.conflict("incident.detach-all",
                    "Those are all the incident's alerts; detaching them would leave it empty", "incident", id).problem();
        }
        Instant now = Instant.now();
        Incident split = source.split(leaving, now, config.ackDue()::of);
        split.persistAndFlush(); // the moved alert rows point at it
        IncidentAlert.move(id, leaving.stream().map(a -> a.id).toList(), split.id);
        source.recount(IncidentAlert.allOf(id));
        log.detached(source, split, by, now);
        return split;
    }

    private static Incident locked(UUID id) {
        return Incident.forUpdate(id).orElseThrow(() -> ProblemException.notFound("Incident " + id));
    }
}
