package jp.otasuke.common.events;

/** Where an SME is: the address an engineer rushes to, with coordinates for the schedule. */
public record Site(String postalCode, String prefecture, String address, double latitude, double longitude) {
}
