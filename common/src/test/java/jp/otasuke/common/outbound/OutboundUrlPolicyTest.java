package jp.otasuke.common.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The URLs the probe registered as webhooks, and their cousins, are refused; public https URLs pass. */
class OutboundUrlPolicyTest {

    private final OutboundUrlPolicy production = new OutboundUrlPolicy(false, false);
    private final OutboundUrlPolicy localPlatform = new OutboundUrlPolicy(true, true);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://127.0.0.1:8180/realms/master/protocol  | url's host is not a public internet address",
            "https://localhost:8082/q/metrics               | url's host is not a public internet address",
            "https://169.254.169.254/latest/meta-data/      | url's host is not a public internet address",
            "https://2130706433:8082/                       | url's host is not a public internet address",
            "https://0.0.0.0:8082/                          | url's host is not a public internet address",
            "https://0/                                     | url's host is not a public internet address",
            "https://10.1.2.3/                              | url's host is not a public internet address",
            "https://172.16.0.1/                            | url's host is not a public internet address",
            "https://192.168.1.1/                           | url's host is not a public internet address",
            "https://100.64.0.1/                            | url's host is not a public internet address",
            "https://224.0.0.1/                             | url's host is not a public internet address",
            "https://255.255.255.255/                       | url's host is not a public internet address",
            "https://[::1]:8082/                            | url's host is not a public internet address",
            "https://[::]/                                  | url's host is not a public internet address",
            "https://[::ffff:127.0.0.1]/                    | url's host is not a public internet address",
            "https://[::ffff:a9fe:a9fe]/                    | url's host is not a public internet address",
            "https://[fd00::1]/                             | url's host is not a public internet address",
            "https://[fe80::1]/                             | url's host is not a public internet address",
            "https://[64:ff9b::a00:1]/                      | url's host is not a public internet address",
            "https://user:pass@93.184.215.14/               | url must not carry a user name or password; authenticate with the signature instead",
            "http://93.184.215.14/hook                      | url must use https",
            "ftp://93.184.215.14/hook                       | url must be an absolute https URL",
            "/relative/hook                                 | url must be an absolute https URL",
            "https://0x7f000001/                            | url's host does not resolve",
            "https://no-such-host.invalid/                  | url's host does not resolve",
    })
    void internal_and_malformed_targets_are_refused(String url, String reason) {
        OutboundUrlPolicy.Refused refused = assertThrows(OutboundUrlPolicy.Refused.class, () -> production.check(url));
        assertEquals(reason, refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/hooks/claims", "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/h"})
    void a_public_https_address_is_allowed(String url) throws Exception {
        assertEquals(url, production.check(url).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:9999/hook", "http://127.0.0.1:9999/hook"})
    void the_local_platform_may_call_its_own_receivers_on_loopback(String url) throws Exception {
        assertEquals(url, localPlatform.check(url).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/", "http://10.0.0.1/", "http://[fd00::1]/", "http://0.0.0.0:9999/"})
    void allowing_loopback_allows_nothing_else_internal(String url) {
        assertThrows(OutboundUrlPolicy.Refused.class, () -> localPlatform.check(url));
    }
}
