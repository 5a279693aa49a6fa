package io.smartrouter.platform.testing;

import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.ServiceAuthentication;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Test double of a service's internal existence check ({@code OwnerLookup}), on its own port: 204 for an object the
 * test says the project has (created at its owner, not yet on the topic), 404 for any other, 503 while it is down.
 * (The owners' own tests cover their side of the contract.)
 */
public final class FakeOwner implements AutoCloseable {

    private final Set<String> objects = ConcurrentHashMap.newKeySet();
    private volatile boolean down;
    private final DisposableServer server;

    public FakeOwner(String collection) {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/internal/" + collection + "/{id}", (request, response) -> {
                    String project = request.requestHeaders().get(ServiceAuthentication.PROJECT_HEADER);
                    int status = down ? 503 : objects.contains(project + "/" + request.param("id")) ? 204 : 404;
                    return response.status(status).send();
                }))
                .bindNow();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The project has this object at its owner (which has not published it). */
    public void add(ProjectId project, String id) {
        objects.add(project.value() + "/" + id);
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
