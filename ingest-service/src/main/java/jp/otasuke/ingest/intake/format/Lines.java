package jp.otasuke.ingest.intake.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a body into lines (LF or CRLF) and decodes each one: UTF-8 when it is valid UTF-8, else
 * Shift_JIS (Windows-31J), which older Japanese devices still send.
 */
public final class Lines {

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private Lines() {
    }

    /** The decoded lines; blank lines are dropped (they are no record). Line numbers start at 1. */
    public static List<NumberedLine> split(byte[] body) {
        List<NumberedLine> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i;
                if (end > start && body[end - 1] == '\r') {
                    end--;
                }
                if (end > start) {
                    String text = decode(body, start, end - start);
                    if (!text.isBlank()) {
                        lines.add(new NumberedLine(number, text));
                    }
                }
                start = i + 1;
                number++;
            }
        }
        return lines;
    }

    public static String decode(byte[] bytes, int offset, int length) {
        if (ascii(bytes, offset, length)) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1); // most lines: no decoder needed
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, length, SHIFT_JIS);
        }
    }

    private static boolean ascii(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** A line and its number in the body (for per-line rejections). */
    public record NumberedLine(int number, String text) {
    }
}
