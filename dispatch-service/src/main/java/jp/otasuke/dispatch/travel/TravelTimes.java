package jp.otasuke.dispatch.travel;

import java.time.Duration;

/** How far and how long between two places by road; a routing engine can replace the estimate behind it. */
public interface TravelTimes {

    double roadKm(GeoPoint from, GeoPoint to);

    Duration between(GeoPoint from, GeoPoint to);
}
