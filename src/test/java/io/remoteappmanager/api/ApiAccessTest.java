package io.remoteappmanager.api;

import io.remoteappmanager.app.FromConfig;
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
        ApiAccess access = new ApiAccess(FromConfig.api(StandaloneConfig.load(Map.of(), Map.of("ram.api.token", ""))));

        assertThat(access.refusal(false, null)).isEmpty();
        assertThat(access.refusal(true, null)).isEmpty();
        assertThat(access.openWarning("127.0.0.1", "8080")).hasValue("ram.api.token is not set: the API on "
                + "127.0.0.1:8080 (reconcile, plan, status) is open to anyone who can reach that address");
    }

    @Test
    void withATokenTheStartUpLogHasNoWarning() {
        ApiAccess access = new ApiAccess(FromConfig.api(StandaloneConfig.load(Map.of(), Map.of("ram.api.token", "t0k"))));

        assertThat(access.openWarning("0.0.0.0", "8080")).isEmpty();
    }

    @Test
    void tokenForReadsFalseOpensReadsOnly() {
        ApiAccess access = new ApiAccess(FromConfig.api(StandaloneConfig.load(Map.of(),
                Map.of("ram.api.token", "t0k", "ram.api.token-for-reads", "false"))));

        assertThat(access.refusal(true, null)).isEmpty();
        assertThat(access.refusal(false, null)).hasValueSatisfying(r -> assertThat(r).contains("missing token"));
        assertThat(access.refusal(false, "Bearer t0k")).isEmpty();
    }
}
