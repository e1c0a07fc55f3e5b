package jp.otasuke.common.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.otasuke.common.config.SharedConfig;

/**
 * Where the platform may send a request that a customer chose (insurer webhooks; later chat webhooks): an
 * absolute https URL without userinfo whose host resolves only to public addresses. Loopback, private,
 * link-local (cloud metadata), unspecified, multicast, carrier-grade NAT, benchmark and documentation
 * ranges are refused however they are spelled (decimal {@code 2130706433}, {@code 0.0.0.0}, IPv6 or
 * IPv4-mapped IPv6), because the host is judged by the addresses it resolves to, not by its text. The
 * check runs at registration and again before each delivery, since a name can be re-pointed after it was
 * registered.
 *
 * <p>Two settings exist for this machine's local platform and tests only: plain http, and loopback
 * targets (the demo's webhook printer and the tests' receivers listen on localhost).
 */
@ApplicationScoped
public class OutboundUrlPolicy {

    /** Why a URL was refused, in words the customer can act on and with no detail of our network. */
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    private final boolean allowHttp;
    private final boolean allowLoopback;

    @Inject
    OutboundUrlPolicy(SharedConfig config) {
        this(config.outbound().allowHttp(), config.outbound().allowLoopback());
    }

    /** The policy with these allowances (tests, and the configured one above). */
    public OutboundUrlPolicy(boolean allowHttp, boolean allowLoopback) {
        this.allowHttp = allowHttp;
        this.allowLoopback = allowLoopback;
    }

    /** The URL, parsed, when the platform may call it now. */
    public URI check(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("url is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new Refused("url must be an absolute https URL");
        }
        if (scheme.equals("http") && !allowHttp) {
            throw new Refused("url must use https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("url must not carry a user name or password; authenticate with the signature instead");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("url must not have a fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new Refused("url's host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() && allowLoopback) {
                continue;
            }
            if (isInternal(address)) {
                throw new Refused("url's host is not a public internet address");
            }
        }
        return uri;
    }

    /** Whether an address is anything but a public unicast address on the internet. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int a0 = b[0] & 0xff, a1 = b[1] & 0xff, a2 = b[2] & 0xff;
            return a0 == 0                                   // "this network", 0.0.0.0/8
                    || (a0 == 100 && (a1 & 0xc0) == 64)      // carrier-grade NAT 100.64/10
                    || (a0 == 192 && a1 == 0 && a2 == 0)     // IETF protocol assignments 192.0.0/24
                    || (a0 == 192 && a1 == 0 && a2 == 2)     // documentation
                    || (a0 == 198 && (a1 & 0xfe) == 18)      // benchmarking 198.18/15
                    || (a0 == 198 && a1 == 51 && a2 == 100)  // documentation
                    || (a0 == 203 && a1 == 0 && a2 == 113)   // documentation
                    || a0 >= 240;                            // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {                      // unique local fc00::/7
                return true;
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return true;                                 // documentation 2001:db8::/32
            }
            // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible) and 64:ff9b::a.b.c.d (NAT64) reach an IPv4 address
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0;
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                    && (b[3] & 0xff) == 0x9b;
            if (mapped || compatible || nat64) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
