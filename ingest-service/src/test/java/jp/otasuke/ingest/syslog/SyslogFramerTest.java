package jp.otasuke.ingest.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SyslogFramerTest {

    @Test
    void lfFramedMessagesAreCutAtEachLineEnd() {
        SyslogFramer framer = new SyslogFramer();
        assertEquals(List.of("<13>one", "<13>two"), texts(framer.feed(bytes("<13>one\n<13>two\r\n<13>thr"))));
        assertEquals(List.of("<13>three"), texts(framer.feed(bytes("ee\n"))));
    }

    @Test
    void octetCountedFramesMayContainLineBreaksAndArriveInPieces() {
        SyslogFramer framer = new SyslogFramer();
        String first = "<34>1 - h a - - - multi\nline";
        assertEquals(List.of(), texts(framer.feed(bytes(first.length() + " " + first.substring(0, 10)))));
        assertEquals(List.of(first, "<13>x"), texts(framer.feed(bytes(first.substring(10) + "5 <13>x"))));
    }

    @Test
    void aSenderMaySwitchFramingBetweenMessages() {
        SyslogFramer framer = new SyslogFramer();
        assertEquals(List.of("<13>lf", "<13>counted", "<13>lf again"),
                texts(framer.feed(bytes("<13>lf\n11 <13>counted<13>lf again\n"))));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<byte[]> frames) {
        return frames.stream().map(f -> new String(f, StandardCharsets.UTF_8)).toList();
    }
}
