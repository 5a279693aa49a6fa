package io.smartrouter.simulator.web;

import io.smartrouter.simulator.psp.InvalidSettingsException;
import io.smartrouter.simulator.psp.PspRegistry;
import io.smartrouter.simulator.psp.PspSettings;
import io.smartrouter.simulator.psp.SimulatedPsp;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /admin/psps}: each PSP's behaviour, read and changed at run time (no authentication: the simulator is a test
 * tool and listens on 127.0.0.1 by default).
 */
final class AdminHandler {

    private final PspRegistry registry;

    AdminHandler(PspRegistry registry) {
        this.registry = registry;
    }

    /** {@code GET /admin/psps}: every PSP's settings by name. */
    Mono<ServerResponse> list(ServerRequest request) {
        return PspHandler.json(HttpStatus.OK, Map.of("psps", registry.all()));
    }

    /** {@code GET /admin/psps/{psp}}. */
    Mono<ServerResponse> get(ServerRequest request) {
        return registry.find(request.pathVariable("psp"))
                .map(psp -> PspHandler.json(HttpStatus.OK, view(psp)))
                .orElseGet(PspHandler::unknownPsp);
    }

    /** {@code PUT /admin/psps/{psp}}: replaces every setting (missing parts take their defaults); 201 for a new PSP. */
    Mono<ServerResponse> put(ServerRequest request) {
        String name = request.pathVariable("psp");
        return request.bodyToMono(String.class).defaultIfEmpty("")
                .flatMap(body -> {
                    boolean added = registry.configure(name, SimulatorJson.read(body, PspSettings.class));
                    return PspHandler.json(added ? HttpStatus.CREATED : HttpStatus.OK, view(registry.find(name).orElseThrow()));
                })
                .onErrorResume(BadRequestException.class,
                        e -> PspHandler.error(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage()))
                .onErrorResume(DataBufferLimitException.class, e -> PspHandler.tooLarge())
                .onErrorResume(InvalidSettingsException.class,
                        e -> PspHandler.error(HttpStatus.BAD_REQUEST, "invalid_settings", e.getMessage()));
    }

    /** {@code PUT /admin/psps/{psp}/outage} {@code {"outage": true|false}}: switches the outage only. */
    Mono<ServerResponse> outage(ServerRequest request) {
        SimulatedPsp psp = registry.find(request.pathVariable("psp")).orElse(null);
        if (psp == null) {
            return PspHandler.unknownPsp();
        }
        return request.bodyToMono(String.class).defaultIfEmpty("")
                .flatMap(body -> {
                    OutageRequest outage = SimulatorJson.read(body, OutageRequest.class);
                    if (outage.outage() == null) {
                        throw new BadRequestException("outage (true or false) is required");
                    }
                    psp.configure(psp.settings().withOutage(outage.outage()));
                    return PspHandler.json(HttpStatus.OK, view(psp));
                })
                .onErrorResume(BadRequestException.class,
                        e -> PspHandler.error(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage()))
                .onErrorResume(DataBufferLimitException.class, e -> PspHandler.tooLarge());
    }

    private static PspView view(SimulatedPsp psp) {
        return new PspView(psp.name(), psp.settings(), psp.operationCount(), psp.authorizationCount());
    }

    /** A PSP as the admin API shows it: its settings and how much it remembers. */
    record PspView(String name, PspSettings settings, int operations, int authorizations) {
    }

    record OutageRequest(Boolean outage) {
    }
}
