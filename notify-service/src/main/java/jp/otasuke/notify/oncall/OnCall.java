package jp.otasuke.notify.oncall;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** Who is on call at a moment: the override covering it, else the rotation's member whose turn it is. */
@ApplicationScoped
public class OnCall {

    /** Someone's time on call: until the override ends, or until their turn in the rotation ends. */
    public record Turn(String username, Instant until) {
    }

    public Optional<String> at(Instant at) {
        return turnAt(at).map(Turn::username);
    }

    public Optional<Turn> turnAt(Instant at) {
        return OnCallOverride.covering(at).map(o -> new Turn(o.username, o.endsAt))
                .or(() -> Rotation.current().filter(r -> !r.members.isEmpty())
                        .map(r -> new Turn(r.memberAt(at), r.turnEndsAfter(at))));
    }
}
