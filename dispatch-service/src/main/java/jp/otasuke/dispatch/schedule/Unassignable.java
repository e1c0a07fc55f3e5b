package jp.otasuke.dispatch.schedule;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jp.otasuke.common.text.Sentence;

/**
 * Why no active engineer could ever take a job the plan left unassigned: nobody has its skills, everybody who has
 * them declined it, or no shift of theirs holds the work. Empty when somebody could, and the job merely waits for
 * a free pair of hands.
 */
final class Unassignable {

    private Unassignable() {
    }

    static Optional<Sentence> why(Visit visit, Collection<Technician> technicians, Instant now) {
        List<Technician> skilled = technicians.stream().filter(t -> t.canDo(visit.getRequiredSkills())).toList();
        if (skilled.isEmpty()) {
            return Optional.of(Sentence.of("unassignable.skills", "skills", visit.getRequiredSkills().stream().sorted().toList()));
        }
        List<Technician> willing = skilled.stream().filter(t -> !visit.getDeclinedBy().contains(t.id())).toList();
        if (willing.isEmpty()) {
            return Optional.of(Sentence.of("unassignable.declined"));
        }
        if (willing.stream().allMatch(t -> t.shift().earliestStart(now, visit.getWork()) == null)) {
            return Optional.of(Sentence.of("unassignable.shift", "minutes", visit.getWork().toMinutes()));
        }
        return Optional.empty();
    }
}
