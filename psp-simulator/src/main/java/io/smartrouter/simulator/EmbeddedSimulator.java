package io.smartrouter.simulator;

import io.smartrouter.simulator.psp.PspRegistry;
import io.smartrouter.simulator.psp.PspSettings;
import io.smartrouter.simulator.web.SimulatorRoutes;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The simulator without Spring Boot: the same routes on a bare Reactor Netty server, for other modules' tests (a
 * payment-service test must not boot a second application context with its own auto-configuration).
 */
public final class EmbeddedSimulator implements AutoCloseable {

    private final PspRegistry registry;
    private final DisposableServer server;

    private EmbeddedSimulator(PspRegistry registry, DisposableServer server) {
        this.registry = registry;
        this.server = server;
    }

    /** Starts on 127.0.0.1 and a free port with the given PSPs. */
    public static EmbeddedSimulator start(Map<String, PspSettings> psps) {
        PspRegistry registry = new PspRegistry(psps, Clock.systemUTC());
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(SimulatorRoutes.of(registry))))
                .bindNow();
        return new EmbeddedSimulator(registry, server);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    /** The PSPs, to change their settings directly. */
    public PspRegistry psps() {
        return registry;
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
