package io.smartrouter.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTests {

    @Test
    void aKeyIsOneNonBlankValueOfAtMost255Characters() {
        assertThat(IdempotencyKeys.isWellFormed("order-42")).isTrue();
        assertThat(IdempotencyKeys.isWellFormed("k".repeat(255))).isTrue();
        assertThat(IdempotencyKeys.isWellFormed("k".repeat(256))).isFalse();
        assertThat(IdempotencyKeys.isWellFormed("")).isFalse();
        assertThat(IdempotencyKeys.isWellFormed("   ")).isFalse();
        assertThat(IdempotencyKeys.isWellFormed(null)).isFalse();
    }
}
