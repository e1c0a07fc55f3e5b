package jp.otasuke.dispatch;

import java.time.Duration;
import java.time.LocalTime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the provider tunes: deadlines, the travel estimate, planning time, rates. */
@ConfigMapping(prefix = "otasuke.dispatch")
public interface DispatchConfig {

    /** An IMMEDIATE job must have an engineer on site within this. */
    @WithDefault("PT4H")
    Duration immediateWithin();

    /** A NEXT_BUSINESS_DAY job must have an engineer on site by this time (Japan) of the next business day. */
    @WithDefault("12:00")
    LocalTime nextBusinessDayBy();

    /** How long the schedule reserves for the work on site. */
    @WithDefault("PT2H")
    Duration onsiteWork();

    /** An arrival check-in further than this from the site is flagged. */
    @WithDefault("500")
    double farFromSiteMeters();

    Travel travel();

    /**
     * How long an engineer's recorded actions (each with the answer it got, replayed to a phone that sends it again)
     * are kept: longer than a phone stays offline, and than a claim's questions take. The job keeps its times.
     */
    @WithDefault("400d")
    Duration keepActions();

    Planning planning();

    Rates rates();

    interface Travel {
        @WithDefault("1.3")
        double roadFactor();

        @WithDefault("30")
        double kmPerHour();
    }

    interface Planning {
        /** The most the solver may take for one re-plan. */
        @WithDefault("PT5S")
        Duration spentLimit();

        /** It stops earlier once the plan has not improved for this long. */
        @WithDefault("PT1S")
        Duration unimprovedLimit();

        /** Re-plan at least this often, so ETAs follow the clock even when nothing happens. */
        @WithDefault("PT5M")
        Duration every();
    }

    interface Rates {
        /** Labour per hour on site, billed per started 30 minutes. */
        @WithDefault("8000")
        long laborPerHourYen();

        @WithDefault("50")
        long travelPerKmYen();
    }
}
