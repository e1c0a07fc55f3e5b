package jp.otasuke.common.time;

import java.time.Duration;
import java.time.Instant;

/** How late an arrival is against its deadline, the same for the planner, the job and the incident's story. */
public final class Lateness {

    private Lateness() {
    }

    /** Minutes from the deadline to the arrival, rounded up (a second late is a minute late); null when on time. */
    public static Long minutesLate(Instant deadline, Instant arrival) {
        if (deadline == null || arrival == null || !arrival.isAfter(deadline)) {
            return null;
        }
        long seconds = Duration.between(deadline, arrival).toSeconds();
        return (seconds + 59) / 60;
    }
}
