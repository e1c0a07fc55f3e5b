package jp.otasuke.dispatch.travel;

import java.time.Duration;

/**
 * The estimate without a routing engine: the great-circle distance times a road factor (roads are not
 * straight; ~1.3 in Japanese cities), at an average speed (~30 km/h in Kanto traffic).
 */
public record GreatCircleTravel(double roadFactor, double kmPerHour) implements TravelTimes {

    public GreatCircleTravel {
        if (roadFactor < 1 || kmPerHour <= 0) {
            throw new IllegalArgumentException("road factor must be >= 1 and speed > 0");
        }
    }

    @Override
    public double roadKm(GeoPoint from, GeoPoint to) {
        return from.kmTo(to) * roadFactor;
    }

    @Override
    public Duration between(GeoPoint from, GeoPoint to) {
        return Duration.ofSeconds(Math.round(roadKm(from, to) / kmPerHour * 3600));
    }
}
