package io.smartrouter.schemas.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture: runs {@code schemas/js/decode.mjs}, the non-Java reader of our Kafka values, on a file of raw value
 * bytes. Answers nothing when node or the decoder's dependency is missing, except with {@code CI=true}, where
 * {@code make test} has installed them and their absence is a failure.
 */
public final class JavaScriptDecoder {

    private JavaScriptDecoder() {
    }

    /** The decoder's JSON output for one record value; empty when node is not available outside CI. */
    public static Optional<String> decode(Path value) throws IOException, InterruptedException {
        Path js = locate();
        boolean available = Files.isDirectory(js.resolve("node_modules").resolve("avsc")) && nodeRuns();
        if (!available && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("node and schemas/js/node_modules are required when CI=true (make test runs npm ci)");
        }
        if (!available) {
            return Optional.empty();
        }
        Process node = new ProcessBuilder("node", js.resolve("decode.mjs").toString(), value.toString())
                .redirectErrorStream(true).start();
        if (!node.waitFor(30, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new AssertionError("decode.mjs did not finish within 30 s");
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (node.exitValue() != 0) {
            throw new AssertionError("decode.mjs failed: " + output);
        }
        return Optional.of(output);
    }

    /** {@code schemas/js}, found from any module's working directory. */
    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path js = dir.resolve("schemas").resolve("js");
            if (Files.isRegularFile(js.resolve("decode.mjs"))) {
                return js;
            }
            if (Files.isRegularFile(dir.resolve("js").resolve("decode.mjs"))) {
                return dir.resolve("js");
            }
        }
        throw new IllegalStateException("schemas/js/decode.mjs not found above " + Path.of("").toAbsolutePath());
    }

    private static boolean nodeRuns() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
