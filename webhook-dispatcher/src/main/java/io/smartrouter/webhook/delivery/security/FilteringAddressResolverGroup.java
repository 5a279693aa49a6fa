package io.smartrouter.webhook.delivery.security;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The HTTP client's name resolution when private addresses are refused: the same DNS answer that is checked is the one
 * connected to, so a name that resolved to a public address at registration and to 169.254.169.254 now is refused
 * (DNS rebinding). Any refused address in the answer refuses the whole name. Uses the JDK resolver (and its cache),
 * like Netty's default resolver.
 */
public final class FilteringAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final UrlPolicy policy;

    public FilteringAddressResolverGroup(UrlPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {
            @Override
            protected void doResolve(String host, Promise<InetAddress> promise) {
                try {
                    promise.setSuccess(allowed(host).get(0));
                } catch (UnknownHostException e) {
                    promise.setFailure(e);
                }
            }

            @Override
            protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                try {
                    promise.setSuccess(allowed(host));
                } catch (UnknownHostException e) {
                    promise.setFailure(e);
                }
            }
        });
    }

    private List<InetAddress> allowed(String host) throws UnknownHostException {
        List<InetAddress> addresses = Arrays.asList(InetAddress.getAllByName(host));
        if (addresses.isEmpty() || !addresses.stream().allMatch(policy::allows)) {
            throw new UnknownHostException("Refused: " + host + " resolves to a private or internal address");
        }
        return addresses;
    }
}
