package io.smartrouter.webhook.delivery.security;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.web.Fields;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which webhook URLs the dispatcher may call (server-side request forgery protection). A URL is http or https with a
 * host. Unless private addresses are allowed (the embedded default, so receivers on the developer's machine work), its
 * host must not resolve to a loopback, unspecified, private (RFC 1918), carrier-grade NAT, link-local (which holds the
 * cloud metadata address 169.254.169.254), unique-local IPv6, multicast or reserved address: checked when the URL is
 * registered and again for every connection ({@link FilteringAddressResolverGroup}), because DNS answers change.
 */
public final class UrlPolicy {

    private final boolean allowPrivateAddresses;
    private final Resolver resolver;

    public UrlPolicy(boolean allowPrivateAddresses) {
        this(allowPrivateAddresses, InetAddress::getAllByName);
    }

    UrlPolicy(boolean allowPrivateAddresses, Resolver resolver) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.resolver = resolver;
    }

    public boolean allowsPrivateAddresses() {
        return allowPrivateAddresses;
    }

    /** Checks a URL a merchant registers; blocking (DNS) when private addresses are refused. 400 when refused. */
    public URI check(String url, String field) {
        URI uri = Fields.url(Fields.required(url, field, Fields.MAX_URL), field);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(field, "must be an http or https URL");
        }
        if (uri.getRawFragment() != null) {
            throw refused(field, "must not have a fragment");
        }
        if (!allowPrivateAddresses) {
            InetAddress[] addresses;
            try {
                addresses = resolver.resolve(host(uri));
            } catch (UnknownHostException e) {
                throw refused(field, "has a host name that does not resolve");
            }
            if (addresses.length == 0 || Arrays.stream(addresses).anyMatch(UrlPolicy::isInternal)) {
                throw refused(field, "must not point to a private, loopback, link-local or metadata address");
            }
        }
        return uri;
    }

    /** Whether a connection to {@code address} is allowed. */
    public boolean allows(InetAddress address) {
        return allowPrivateAddresses || !isInternal(address);
    }

    /** The host of a URL without IPv6 brackets. */
    public static String host(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Addresses that are not the public internet. */
    public static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isInternalIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7 unique-local (fd00:ec2::254 is EC2's IPv6 metadata address)
            }
            if (isPrefix(bytes, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}) // ::/96 IPv4-compatible
                    || isPrefix(bytes, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})) {
                return isInternalIpv4(Arrays.copyOfRange(bytes, 12, 16)); // 64:ff9b::/96 NAT64
            }
        }
        return false;
    }

    private static boolean isInternalIpv4(byte[] ip) {
        int a = ip[0] & 0xff;
        int b = ip[1] & 0xff;
        return a == 0 // "this network"
                || a == 10 || a == 127
                || a == 100 && b >= 64 && b <= 127 // carrier-grade NAT, holds Alibaba's metadata 100.100.100.200
                || a == 169 && b == 254 // link-local: AWS/GCP/Azure metadata 169.254.169.254
                || a == 172 && b >= 16 && b <= 31
                || a == 192 && b == 168
                || a == 192 && b == 0 && (ip[2] & 0xff) == 0 // IETF protocol assignments
                || a == 198 && (b == 18 || b == 19) // benchmarking
                || a >= 224; // multicast, reserved, broadcast
    }

    private static boolean isPrefix(byte[] bytes, byte[] prefix) {
        return Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }

    private static ApiException refused(String field, String why) {
        return new ApiException(PlatformErrorCode.INVALID_FIELD, "Field '" + field + "' " + why);
    }

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }
}
