package io.smartrouter.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPlatformTests {

    @Test
    void keepsOneOwnerOnlyInternalSecretPerDataDirectory(@TempDir Path data) throws Exception {
        String first = LocalPlatform.localSecret(data, "internal-secret");
        String second = LocalPlatform.localSecret(data, "internal-secret");

        assertThat(first).hasSizeGreaterThanOrEqualTo(43).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("internal-secret"))))
                .isEqualTo("rw-------");
        assertThat(LocalPlatform.localSecret(data.resolve("other"), "internal-secret")).isNotEqualTo(first);
    }

    @Test
    void refusesToStartWhenAPortIsTaken(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            PlatformConfig config = PlatformConfig.defaults(LocalPlatform.repoRoot(Path.of("")), Map.of())
                    .on(data, taken.getLocalPort(), 0, Map.of(), List.of());

            assertThatThrownBy(() -> new LocalPlatform(config).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void findsTheRepositoryRootFromAModule() {
        Path root = LocalPlatform.repoRoot(Path.of(""));
        assertThat(root.resolve("deploy")).isDirectory();
        assertThat(LocalPlatform.repoRoot(root.resolve("deploy/src"))).isEqualTo(root);
    }
}
