package io.smartrouter.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /openapi.json} and the Swagger UI at {@code GET /docs}: public, read-only, answered by the gateway itself
 * without authentication (the gateway's filter lets {@link #serves} paths through). The UI cannot send requests
 * ("try it out" is off): it documents, it does not call the API with anybody's keys.
 */
public final class OpenApiRoutes {

    static final String DOCUMENT_PATH = "/openapi.json";
    static final String UI_PATH = "/docs";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    /** The only Swagger UI files served, with their types: nothing else of the classpath is reachable. */
    private static final Map<String, MediaType> UI_FILES = Map.of(
            "swagger-ui.css", MediaType.valueOf("text/css"),
            "swagger-ui-bundle.js", MediaType.valueOf("text/javascript"),
            "favicon-32x32.png", MediaType.IMAGE_PNG);
    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");
    private static final MediaType SCRIPT = MediaType.valueOf("text/javascript;charset=UTF-8");

    private OpenApiRoutes() {
    }

    /** Whether the gateway answers {@code path} itself, without authentication, through these routes. */
    public static boolean serves(String path) {
        return path.equals(DOCUMENT_PATH) || path.equals(UI_PATH) || path.startsWith(UI_PATH + "/");
    }

    public static RouterFunction<ServerResponse> routes(OpenApiDocument document) {
        byte[] json = document.json();
        String webjar = WEBJAR + webjarVersion() + "/";
        Resource page = new ClassPathResource("openapi/docs.html");
        Resource script = new ClassPathResource("openapi/docs.js");
        return RouterFunctions.route()
                .GET(DOCUMENT_PATH, request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noCache()).bodyValue(json))
                .GET(UI_PATH, request -> ServerResponse.ok().contentType(HTML).bodyValue(page))
                .GET(UI_PATH + "/docs.js", request -> ServerResponse.ok().contentType(SCRIPT).bodyValue(script))
                .GET(UI_PATH + "/{file}", request -> uiFile(request, webjar))
                .build();
    }

    private static Mono<ServerResponse> uiFile(ServerRequest request, String webjar) {
        String file = request.pathVariable("file");
        MediaType type = UI_FILES.get(file);
        if (type == null) {
            return ServerResponse.notFound().build();
        }
        return ServerResponse.ok().contentType(type).cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .bodyValue(new ClassPathResource(webjar + file));
    }

    /** The Swagger UI webjar's version, so a dependency upgrade needs no code change. */
    private static String webjarVersion() {
        try (InputStream in = new ClassPathResource(WEBJAR_VERSION).getInputStream()) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("The Swagger UI webjar is missing", e);
        }
    }
}
