package jp.otasuke.ingest.syslog;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a TCP syslog stream into messages (RFC 6587): octet-counted frames ("123 &lt;34&gt;1 …") and
 * LF-terminated ones, told apart per message, as senders may switch after a reconnect.
 */
final class SyslogFramer {

    /** A message may not grow beyond this; a longer one is cut here (and still parsed). */
    static final int MAX_MESSAGE = 256 * 1024;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** Feeds received bytes; returns the complete messages so far. */
    List<byte[]> feed(byte[] bytes) {
        pending.write(bytes, 0, bytes.length);
        byte[] buffer = pending.toByteArray();
        List<byte[]> messages = new ArrayList<>();
        int pos = 0;
        while (pos < buffer.length) {
            int length = octetCount(buffer, pos);
            if (length >= 0) {
                int digits = Integer.toString(length).length();
                int start = pos + digits + 1;
                if (start + length > buffer.length) {
                    break; // the rest of the frame has not arrived yet
                }
                messages.add(slice(buffer, start, length));
                pos = start + length;
            } else if (length == NEED_MORE) {
                break;
            } else {
                int lf = indexOf(buffer, (byte) '\n', pos);
                if (lf < 0) {
                    if (buffer.length - pos > MAX_MESSAGE) {
                        messages.add(slice(buffer, pos, MAX_MESSAGE));
                        pos += MAX_MESSAGE;
                        continue;
                    }
                    break;
                }
                int end = lf > pos && buffer[lf - 1] == '\r' ? lf - 1 : lf;
                if (end > pos) {
                    messages.add(slice(buffer, pos, end - pos));
                }
                pos = lf + 1;
            }
        }
        pending.reset();
        pending.write(buffer, pos, buffer.length - pos);
        return messages;
    }

    private static final int NOT_COUNTED = -1;
    private static final int NEED_MORE = -2;

    /** The frame length when the message at {@code pos} is octet-counted ("digits SP &lt;"). */
    private static int octetCount(byte[] b, int pos) {
        int i = pos;
        while (i < b.length && i - pos < 7 && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        if (i == pos || b[pos] == '0') {
            return NOT_COUNTED;
        }
        if (i == b.length) {
            return NEED_MORE;
        }
        if (b[i] != ' ') {
            return NOT_COUNTED;
        }
        if (i + 1 == b.length) {
            return NEED_MORE;
        }
        if (b[i + 1] != '<') {
            return NOT_COUNTED;
        }
        int length = Integer.parseInt(new String(b, pos, i - pos, java.nio.charset.StandardCharsets.US_ASCII));
        return length > MAX_MESSAGE ? NOT_COUNTED : length;
    }

    private static int indexOf(byte[] b, byte value, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] slice(byte[] b, int from, int length) {
        byte[] out = new byte[length];
        System.arraycopy(b, from, out, 0, length);
        return out;
    }
}
