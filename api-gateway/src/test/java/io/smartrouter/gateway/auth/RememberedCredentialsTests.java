package io.smartrouter.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartrouter.gateway.project.SecretKeys;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.KeyType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RememberedCredentialsTests {

    private static final ProjectId SHOP = new ProjectId("test-proj_shop");
    private static final ProjectId OTHER = new ProjectId("test-proj_other");
    private static final Duration TTL = Duration.ofSeconds(5);

    private final AtomicLong now = new AtomicLong();
    private final Map<String, ProjectDirectory.Credentials> database = new HashMap<>();
    private final List<String> reads = new ArrayList<>();
    private Runnable duringRead = () -> { };
    private final ProjectDirectory counting = id -> {
        reads.add(id.value());
        duringRead.run();
        return Optional.ofNullable(database.get(id.value()));
    };

    @Test
    void remembersWhatTheDatabaseSaidForTheTimeToLive() {
        database.put(SHOP.value(), keys("key_test_a"));
        var remembered = new RememberedCredentials(counting, TTL, 100, now::get);
        assertThat(remembered.remembered(SHOP)).isEmpty();
        assertThat(remembered.credentials(SHOP)).isPresent();
        now.addAndGet(TTL.toNanos() - 1);
        assertThat(remembered.remembered(SHOP)).isPresent();
        now.incrementAndGet();
        assertThat(remembered.remembered(SHOP)).isEmpty();
        assertThat(reads).containsExactly(SHOP.value());
    }

    @Test
    void neverRemembersAProjectTheDatabaseDoesNotHave() {
        var remembered = new RememberedCredentials(counting, TTL, 100, now::get);
        assertThat(remembered.credentials(SHOP)).isEmpty();
        assertThat(remembered.remembered(SHOP)).isEmpty();
    }

    @Test
    void aRevocationForgetsTheProjectAndDropsAReadThatBeganBeforeIt() {
        database.put(SHOP.value(), keys("key_test_a"));
        var remembered = new RememberedCredentials(counting, TTL, 100, now::get);
        remembered.credentials(SHOP);
        now.incrementAndGet();
        remembered.forget(SHOP.value());
        assertThat(remembered.remembered(SHOP)).isEmpty();

        // A read racing a revocation: it may have seen the key before the revocation committed.
        duringRead = () -> {
            now.incrementAndGet();
            remembered.forget(SHOP.value());
        };
        remembered.credentials(SHOP);
        assertThat(remembered.remembered(SHOP)).isEmpty();
        duringRead = () -> { };
        remembered.credentials(SHOP);
        assertThat(remembered.remembered(SHOP)).isPresent();
    }

    @Test
    void aZeroTimeToLiveRemembersNothing() {
        database.put(SHOP.value(), keys("key_test_a"));
        var remembered = new RememberedCredentials(counting, Duration.ZERO, 100, now::get);
        remembered.credentials(SHOP);
        assertThat(remembered.remembered(SHOP)).isEmpty();
    }

    @Test
    void remembersAtMostTheGivenNumberOfProjects() {
        database.put(SHOP.value(), keys("key_test_a"));
        database.put(OTHER.value(), keys("key_test_b"));
        var remembered = new RememberedCredentials(counting, TTL, 1, now::get);
        remembered.credentials(SHOP);
        remembered.credentials(OTHER);
        assertThat(remembered.remembered(SHOP)).isEmpty();
        assertThat(remembered.remembered(OTHER)).isPresent();
    }

    @Test
    void theAuthenticatorUsesWhatIsRememberedAndAsksTheDatabaseForAKeyItDoesNotKnow() {
        database.put(SHOP.value(), keys("key_test_a"));
        var remembered = new RememberedCredentials(counting, TTL, 100, now::get);
        var authenticator = new BasicAuthenticator(remembered);
        String first = BasicAuthenticatorTests.basic(SHOP.value() + ":key_test_a");
        assertThat(authenticator.fromMemory(first)).isEmpty();
        assertThat(authenticator.authenticate(first).projectId()).isEqualTo(SHOP);
        assertThat(authenticator.fromMemory(first)).isPresent();
        assertThat(authenticator.fromMemory(BasicAuthenticatorTests.basic(SHOP.value() + ":")).orElseThrow().keyType())
                .isEqualTo(KeyType.PUBLIC);

        // A key created a moment ago (here or on another gateway instance) is not in memory: the database has it.
        database.put(SHOP.value(), keys("key_test_a", "key_test_new"));
        String rotated = BasicAuthenticatorTests.basic(SHOP.value() + ":key_test_new");
        assertThat(authenticator.fromMemory(rotated)).isEmpty();
        assertThat(authenticator.authenticate(rotated).projectId()).isEqualTo(SHOP);
        assertThat(authenticator.fromMemory(rotated)).isPresent();
        assertThat(reads).containsExactly(SHOP.value(), SHOP.value());
    }

    private static ProjectDirectory.Credentials keys(String... secrets) {
        return new ProjectDirectory.Credentials(true, List.of(secrets).stream().map(SecretKeys::sha256).toList());
    }
}
