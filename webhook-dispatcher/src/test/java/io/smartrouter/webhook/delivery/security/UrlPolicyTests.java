package io.smartrouter.webhook.delivery.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartrouter.platform.error.ApiException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlPolicyTests {

    /** A fake DNS: names resolve to what the table says, never to the network. */
    static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "rebind.example.com", "169.254.169.254",
            "mixed.example.com", "93.184.216.34,10.0.0.7",
            "localhost", "127.0.0.1");

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String addresses = DNS.get(host);
        if (addresses == null) {
            if (host.matches("[0-9.]+|.*:.*")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        String[] parts = addresses.split(",");
        InetAddress[] resolved = new InetAddress[parts.length];
        for (int i = 0; i < parts.length; i++) {
            resolved[i] = InetAddress.getByName(parts[i]);
        }
        return resolved;
    }

    @ParameterizedTest(name = "{0} → production {1}, embedded {2}")
    @CsvSource({
        "https://hooks.example.com/webhooks,        allowed, allowed",
        "http://hooks.example.com:8443/in?x=1,      allowed, allowed",
        "https://93.184.216.34/hook,                allowed, allowed",
        "http://localhost:9000/hook,                refused, allowed",
        "http://127.0.0.1/hook,                     refused, allowed",
        "http://127.1.2.3/hook,                     refused, allowed",
        "http://0.0.0.0/hook,                       refused, allowed",
        "http://10.1.2.3/hook,                      refused, allowed",
        "http://172.16.0.1/hook,                    refused, allowed",
        "http://172.31.255.255/hook,                refused, allowed",
        "http://192.168.1.10/hook,                  refused, allowed",
        "http://100.64.0.1/hook,                    refused, allowed",
        "http://100.100.100.200/latest/meta-data,   refused, allowed",
        "http://169.254.169.254/latest/meta-data,   refused, allowed",
        "http://rebind.example.com/hook,            refused, allowed",
        "http://mixed.example.com/hook,             refused, allowed",
        "http://[::1]/hook,                         refused, allowed",
        "http://[fe80::1]/hook,                     refused, allowed",
        "http://[fd00:ec2::254]/hook,               refused, allowed",
        "http://[fc00::1]/hook,                     refused, allowed",
        "http://[::ffff:127.0.0.1]/hook,            refused, allowed",
        "http://[64:ff9b::a9fe:a9fe]/hook,          refused, allowed",
        "http://[2606:4700::1111]/hook,             allowed, allowed",
        "http://224.0.0.1/hook,                     refused, allowed",
        "http://unknown.invalid/hook,               refused, allowed",
        "ftp://hooks.example.com/hook,              refused, refused",
        "file:///etc/passwd,                        refused, refused",
        "https:///nohost,                           refused, refused",
        "not a url,                                 refused, refused",
        "https://hooks.example.com/hook#fragment,   refused, refused"
    })
    void checksUrlsAtRegistration(String url, String production, String embedded) {
        assertThat(verdict(new UrlPolicy(false, UrlPolicyTests::resolve), url)).isEqualTo(production);
        assertThat(verdict(new UrlPolicy(true, UrlPolicyTests::resolve), url)).isEqualTo(embedded);
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, false", "169.254.169.254, false", "10.0.0.1, false", "8.8.8.8, true", "::1, false",
        "fd12::1, false", "2a00:1450::1, true"})
    void connectionsAreCheckedAddressByAddress(String address, boolean allowed) throws UnknownHostException {
        assertThat(new UrlPolicy(false).allows(InetAddress.getByName(address))).isEqualTo(allowed);
        assertThat(new UrlPolicy(true).allows(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"javascript:alert(1)", "https://"})
    void refusesWithAValidationError(String url) {
        assertThatThrownBy(() -> new UrlPolicy(true).check(url, "url")).isInstanceOf(ApiException.class)
                .extracting(error -> ((ApiException) error).code().status()).isEqualTo(400);
    }

    private static String verdict(UrlPolicy policy, String url) {
        try {
            policy.check(url, "url");
            return "allowed";
        } catch (ApiException e) {
            assertThat(e.code().status()).isEqualTo(400);
            return "refused";
        }
    }
}
