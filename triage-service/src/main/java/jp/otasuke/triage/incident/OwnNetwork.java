package jp.otasuke.triage.incident;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Whether an address is one of an SME's own machines: private (RFC 1918, IPv6 unique-local), link-local, loopback or
 * behind the carrier's NAT (100.64.0.0/10). Only address literals are looked at; a name is never resolved.
 */
final class OwnNetwork {

    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private OwnNetwork() {
    }

    static boolean contains(String address) {
        String literal = address.strip();
        if (!LITERAL.matcher(literal).matches()) {
            return false;
        }
        try {
            // an address literal is parsed, not looked up
            InetAddress ip = InetAddress.getByName(literal);
            byte[] b = ip.getAddress();
            boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
            boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
            return ip.isSiteLocalAddress() || ip.isLinkLocalAddress() || ip.isLoopbackAddress() || carrierNat || uniqueLocal;
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
