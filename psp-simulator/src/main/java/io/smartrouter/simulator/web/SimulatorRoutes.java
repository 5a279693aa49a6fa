package io.smartrouter.simulator.web;

import io.smartrouter.simulator.psp.PspRegistry;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The simulator's HTTP surface (the wire format is in the module README). */
public final class SimulatorRoutes {

    private SimulatorRoutes() {
    }

    public static RouterFunction<ServerResponse> of(PspRegistry registry) {
        PspHandler psps = new PspHandler(registry);
        AdminHandler admin = new AdminHandler(registry);
        return RouterFunctions.route()
                .POST("/psps/{psp}/authorizations", psps::authorize)
                .POST("/psps/{psp}/authorizations/{authorization}/captures", psps::capture)
                .POST("/psps/{psp}/authorizations/{authorization}/voids", psps::voidAuthorization)
                .POST("/psps/{psp}/authorizations/{authorization}/refunds", psps::refund)
                .GET("/psps/{psp}/operations/{key}", psps::status)
                .GET("/admin/psps", admin::list)
                .GET("/admin/psps/{psp}", admin::get)
                .PUT("/admin/psps/{psp}/outage", admin::outage)
                .PUT("/admin/psps/{psp}", admin::put)
                .build();
    }
}
