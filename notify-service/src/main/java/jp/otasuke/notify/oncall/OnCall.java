package jp.otasuke.notify.oncall;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** Who is on call at a moment: the override covering it, else the rotation's member whose turn it is. */
@ApplicationScoped
public class OnCall {

    public Optional<String> at(Instant at) {
        return OnCallOverride.covering(at).map(o -> o.username)
                .or(() -> Rotation.current().filter(r -> !r.members.isEmpty()).map(r -> r.memberAt(at)));
    }
}
