package jp.otasuke.triage.incident;

import java.util.Optional;

/** Why the incident refused a step in its current state; the edge answers 409 with the reason. */
public record Rejection(String reason) {

    static Optional<Rejection> because(String reason) {
        return Optional.of(new Rejection(reason));
    }

    static Optional<Rejection> none() {
        return Optional.empty();
    }
}
