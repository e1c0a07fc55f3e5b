package jp.otasuke.ingest.syslog;

import static io.restassured.RestAssured.given;

import java.net.URL;

/** Reads a syslog counter from ingest's metrics, summed over its series with the given reason. */
final class SyslogMetrics {

    private SyslogMetrics() {
    }

    static double count(URL metrics, String name, String reason) {
        String all = given().when().get(metrics).then().statusCode(200).extract().asString();
        return all.lines().filter(l -> l.startsWith(name) && l.contains("\"" + reason + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
