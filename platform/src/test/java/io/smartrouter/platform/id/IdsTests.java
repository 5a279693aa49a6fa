package io.smartrouter.platform.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartrouter.platform.error.ApiException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void areRandomPrefixedAndCarry128Bits() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.newId("iv_");
            assertThat(id).matches("iv_[a-z2-7]{26}");
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void typedIdsValidateTheirPrefix() {
        assertThat(InvoiceId.newId().value()).startsWith("iv_");
        assertThat(InvoiceId.isWellFormed("iv_aaaaaaaaaaaaaaaaaaaaaaaaaa")).isTrue();
        assertThat(InvoiceId.isWellFormed("tr_aaaaaaaaaaaaaaaaaaaaaaaaaa")).isFalse();
        assertThat(InvoiceId.isWellFormed("iv_short")).isFalse();
        assertThat(InvoiceId.isWellFormed(null)).isFalse();
        assertThatThrownBy(() -> new InvoiceId("iv_../etc")).isInstanceOf(ApiException.class);
    }

    @Test
    void projectIdsTellSandboxFromLive() {
        assertThat(new ProjectId("test-proj_demo").sandbox()).isTrue();
        assertThat(new ProjectId("proj_abc123").sandbox()).isFalse();
        assertThat(ProjectId.isWellFormed("proj_")).isFalse();
        assertThat(ProjectId.isWellFormed("test-proj_a b")).isFalse();
    }
}
