package io.smartrouter.platform.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Holds the public OpenAPI document (the api-gateway's {@code openapi.yaml}) and a service's real handlers together:
 * the (method, path template) pairs of the service's {@code @RequestMapping} handlers must be exactly the operations
 * the document tags with {@code x-smartrouter-service: <service>}, apart from an explicit list of operations that are
 * documented but still being built. Path variables are compared without their names ({@code /invoices/{id}} is
 * {@code /invoices/{invoice_id}}); {@code /internal/**}, {@code /actuator/**} and {@code /error} are not public.
 * Functional ({@code RouterFunction}) routes are not seen: the services use controllers only.
 */
public final class OpenApiContract {

    /** The document, from a module's directory (the working directory of its tests). */
    public static final Path DOCUMENT = Path.of("..", "api-gateway", "src", "main", "resources", "openapi", "openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private OpenApiContract() {
    }

    /**
     * Fails, listing every difference, unless the service's handlers and the document's operations for it are the
     * same set, apart from {@code documentedNotYetImplemented} (e.g. {@code "GET /events/{event_id}"}): operations the
     * document describes and another change is building. Each of those must be documented and must not have a
     * handler yet, so the list cannot go stale.
     */
    public static void assertHandlersMatchDocument(ApplicationContext context, String service,
            Set<String> documentedNotYetImplemented) {
        Set<Operation> documented = documentedOperations(DOCUMENT).stream()
                .filter(operation -> operation.service().equals(service))
                .map(DocumentedOperation::operation)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Operation> pending = documentedNotYetImplemented.stream().map(Operation::parse)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> differences = differences(handlerOperations(context), documented, pending);
        if (!differences.isEmpty()) {
            throw new AssertionError("The OpenAPI document (" + DOCUMENT + ") and the " + service
                    + " service's handlers differ:\n  " + String.join("\n  ", differences));
        }
    }

    /** What differs between the handlers and the documented operations, given the operations still being built. */
    public static List<String> differences(Set<Operation> handlers, Set<Operation> documented, Set<Operation> pending) {
        List<String> differences = new ArrayList<>();
        for (Operation handler : sorted(handlers)) {
            if (!documented.contains(handler)) {
                differences.add("not documented: " + handler + " (a handler answers it)");
            }
        }
        for (Operation operation : sorted(documented)) {
            if (!handlers.contains(operation) && !pending.contains(operation)) {
                differences.add("no handler: " + operation + " (documented)");
            }
        }
        for (Operation operation : sorted(pending)) {
            if (!documented.contains(operation)) {
                differences.add("listed as not yet implemented but not documented: " + operation);
            } else if (handlers.contains(operation)) {
                differences.add("implemented now, remove it from the not-yet-implemented list: " + operation);
            }
        }
        return differences;
    }

    /** The public operations of a running service: its request-mapping handler methods. */
    public static Set<Operation> handlerOperations(ApplicationContext context) {
        Set<Operation> operations = new LinkedHashSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                    String path = pattern.getPatternString();
                    if (!isPublic(path)) {
                        continue;
                    }
                    if (methods.isEmpty()) {
                        operations.add(new Operation("ANY", path));
                    }
                    methods.forEach(method -> operations.add(new Operation(method.name(), path)));
                }
            }
        }
        return operations;
    }

    /** Every operation of the document's {@code paths}, with its service and the security schemes that may call it. */
    public static List<DocumentedOperation> documentedOperations(Path document) {
        Map<String, Object> root = read(document);
        List<String> defaultSecurity = schemes(root.get("security"));
        List<DocumentedOperation> operations = new ArrayList<>();
        for (var pathItem : map(root.get("paths"), "paths").entrySet()) {
            Map<String, Object> item = map(pathItem.getValue(), pathItem.getKey());
            Object service = item.get("x-smartrouter-service");
            if (!(service instanceof String)) {
                throw new AssertionError(pathItem.getKey() + " has no x-smartrouter-service");
            }
            for (var entry : item.entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                Map<String, Object> operation = map(entry.getValue(), entry.getKey() + " " + pathItem.getKey());
                List<String> security = operation.containsKey("security") ? schemes(operation.get("security"))
                        : defaultSecurity;
                operations.add(new DocumentedOperation(new Operation(entry.getKey(), pathItem.getKey()),
                        (String) service, security));
            }
        }
        return operations;
    }

    private static boolean isPublic(String path) {
        return !(path.equals("/error") || path.equals("/internal") || path.startsWith("/internal/")
                || path.equals("/actuator") || path.startsWith("/actuator/"));
    }

    private static Map<String, Object> read(Path document) {
        try (Reader reader = Files.newBufferedReader(document, StandardCharsets.UTF_8)) {
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader), document.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenAPI document " + document.toAbsolutePath(), e);
        }
    }

    /** The scheme names of a security requirement list; {@code []} means no authentication. */
    private static List<String> schemes(Object security) {
        List<String> names = new ArrayList<>();
        if (security instanceof List<?> requirements) {
            for (Object requirement : requirements) {
                map(requirement, "security requirement").keySet().forEach(names::add);
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError(what + " is not a mapping in the OpenAPI document");
        }
        return (Map<String, Object>) value;
    }

    private static Collection<Operation> sorted(Set<Operation> operations) {
        return new TreeSet<>(operations);
    }

    /**
     * An HTTP method and a path template. Two operations are the same when their methods and their paths with the
     * variable names left out are.
     */
    public record Operation(String method, String path) implements Comparable<Operation> {

        public Operation {
            method = method.toUpperCase(Locale.ROOT);
        }

        /** {@code "GET /events/{event_id}"}. */
        public static Operation parse(String operation) {
            String[] parts = operation.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("Not '<METHOD> <path>': " + operation);
            }
            return new Operation(parts[0], parts[1]);
        }

        /** The path with every variable as {@code {}}. */
        public String shape() {
            return path.replaceAll("\\{[^}]*}", "{}");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Operation that && method.equals(that.method) && shape().equals(that.shape());
        }

        @Override
        public int hashCode() {
            return Objects.hash(method, shape());
        }

        @Override
        public int compareTo(Operation other) {
            int byPath = shape().compareTo(other.shape());
            return byPath != 0 ? byPath : method.compareTo(other.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** An operation of the document, the service it belongs to, and the security schemes allowed to call it. */
    public record DocumentedOperation(Operation operation, String service, List<String> securitySchemes) {
    }
}
