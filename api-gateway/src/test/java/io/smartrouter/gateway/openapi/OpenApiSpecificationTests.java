package io.smartrouter.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.platform.testing.OpenApiContract;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document is a valid OpenAPI 3.1 document (swagger-parser's 3.1 validation: structure, unknown or missing
 * fields, references) and keeps the conventions every operation shares (API.md).
 */
class OpenApiSpecificationTests {

    static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.DELETE);
    static final String PARAMETERS = "#/components/parameters/";
    static SwaggerParseResult parsed;
    static OpenAPI api;

    @BeforeAll
    static void parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        parsed = new OpenAPIV3Parser().readLocation(OpenApiContract.DOCUMENT.toUri().toString(), null, options);
        api = parsed.getOpenAPI();
    }

    @Test
    void isAValidOpenApi31Document() {
        assertThat(parsed.getMessages()).as("validation messages").isEmpty();
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(api.getWebhooks()).containsKey("event");
    }

    /** The validation above can fail: the same parser reports a broken document. */
    @Test
    void theValidatorReportsABrokenDocument(@TempDir Path directory) throws IOException {
        Path broken = directory.resolve("broken.yaml");
        Files.writeString(broken, """
                openapi: 3.1.0
                info:
                  version: "1"
                paths:
                  /invoices:
                    get:
                      responsez: {}
                      parameters:
                        - $ref: '#/components/parameters/Nope'
                """);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);

        assertThat(new OpenAPIV3Parser().readLocation(broken.toUri().toString(), null, options).getMessages())
                .anyMatch(message -> message.contains("info.title"))
                .anyMatch(message -> message.contains("responsez"));
    }

    @Test
    void everyWriteAcceptsAnIdempotencyKey() {
        List<String> missing = new ArrayList<>();
        forEachOperation((method, path, operation) -> {
            if (WRITES.contains(method) && parameterNames(operation).stream().noneMatch("Idempotency-Key"::equals)) {
                missing.add(method + " " + path);
            }
        });
        assertThat(missing).as("writes without Idempotency-Key").isEmpty();
    }

    @Test
    void everyOperationDocumentsItsAuthenticationFailureWithTheErrorEnvelope() {
        List<String> missing = new ArrayList<>();
        forEachOperation((method, path, operation) -> {
            var unauthorized = operation.getResponses().get("401");
            if (unauthorized == null || !"#/components/responses/Unauthorized".equals(unauthorized.get$ref())) {
                missing.add(method + " " + path);
            }
        });
        assertThat(missing).as("operations without the 401 error response").isEmpty();
        assertThat(api.getComponents().getSchemas().get("Error").getRequired())
                .containsExactlyInAnyOrder("success", "error_type", "message");
    }

    @Test
    void everyListIsPaginatedTheSameWay() {
        List<String> wrong = new ArrayList<>();
        forEachOperation((method, path, operation) -> {
            List<String> names = parameterNames(operation);
            boolean paginated = names.contains("limit");
            if (paginated && !names.containsAll(List.of("limit", "start_after", "end_before", "order"))) {
                wrong.add(method + " " + path);
            }
        });
        assertThat(wrong).as("lists with part of the pagination parameters").isEmpty();
    }

    /** The operation's own parameters' names, through their references to the shared ones. */
    private static List<String> parameterNames(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        return parameters.stream().map(parameter -> parameter.get$ref() == null ? parameter.getName()
                : api.getComponents().getParameters().get(parameter.get$ref().substring(PARAMETERS.length())).getName())
                .toList();
    }

    private static void forEachOperation(OperationVisitor visitor) {
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            path.getValue().readOperationsMap().forEach((method, operation) ->
                    visitor.visit(method, path.getKey(), operation));
        }
    }

    private interface OperationVisitor {
        void visit(PathItem.HttpMethod method, String path, Operation operation);
    }
}
