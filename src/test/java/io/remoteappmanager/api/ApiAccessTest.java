package io.remoteappmanager.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.config.StandaloneConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The access rule's settings the token test does not start an application for: no token, and open reads. */
@Execution(ExecutionMode.CONCURRENT)
class ApiAccessTest {

    @Test
    void withoutATokenEverythingIsOpen() {
        ApiAccess access = new ApiAccess(StandaloneConfig.load(Map.of(), Map.of("ram.api.token", "")));

        assertThat(access.refusal(false, null)).isEmpty();
        assertThat(access.refusal(true, null)).isEmpty();
    }

    @Test
    void tokenForReadsFalseOpensReadsOnly() {
        ApiAccess access = new ApiAccess(StandaloneConfig.load(Map.of(),
                Map.of("ram.api.token", "t0k", "ram.api.token-for-reads", "false")));

        assertThat(access.refusal(true, null)).isEmpty();
        assertThat(access.refusal(false, null)).hasValueSatisfying(r -> assertThat(r).contains("missing token"));
        assertThat(access.refusal(false, "Bearer t0k")).isEmpty();
    }
}
