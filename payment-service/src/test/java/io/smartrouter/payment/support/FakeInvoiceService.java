package io.smartrouter.payment.support;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.ServiceAuthentication;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Test double of the invoice service's internal existence check, on its own port: 204 for an invoice the test says
 * the project has (created there, not yet on the invoices topic), 404 for any other, 503 while it is down. (The invoice
 * service's own tests cover its side of the contract.)
 */
public final class FakeInvoiceService implements AutoCloseable {

    private final Set<String> invoices = ConcurrentHashMap.newKeySet();
    private volatile boolean down;
    private final DisposableServer server;

    public FakeInvoiceService() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/internal/invoices/{invoiceId}", (request, response) -> {
                    String project = request.requestHeaders().get(ServiceAuthentication.PROJECT_HEADER);
                    int status = down ? 503 : invoices.contains(project + "/" + request.param("invoiceId")) ? 204 : 404;
                    return response.status(status).send();
                }))
                .bindNow();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The project has this invoice at the invoice service (which has not published it). */
    public void add(ProjectId project, String invoiceId) {
        invoices.add(project.value() + "/" + invoiceId);
    }

    /** While down, every question is answered 503. */
    public void down(boolean down) {
        this.down = down;
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
