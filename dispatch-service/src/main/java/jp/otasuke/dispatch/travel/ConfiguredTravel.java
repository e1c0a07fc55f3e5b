package jp.otasuke.dispatch.travel;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import jp.otasuke.dispatch.DispatchConfig;

/** The one travel estimate of this service (planner, candidates, engineer's ETA), from {@code otasuke.dispatch.travel.*}. */
public class ConfiguredTravel {

    @Produces
    @Singleton
    TravelTimes travel(DispatchConfig config) {
        return new GreatCircleTravel(config.travel().roadFactor(), config.travel().kmPerHour());
    }
}
