package io.remoteappmanager.api;

import io.remoteappmanager.app.FromConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.config.StandaloneConfig;
import io.remoteappmanager.crypto.HmacSha256;
import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.source.SourceStatus;
import io.remoteappmanager.source.SpecSource;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The webhook's decisions as pure logic (the HTTP path is GitHookIT's): no git source is 404, no secret is 403, and
 * only a delivery whose every proof is right asks the source to fetch.
 */
class GitHookRefusalsTest {

    static final byte[] BODY = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);

    final AtomicInteger refreshes = new AtomicInteger();
    final SpecSource source = new SpecSource() {
        @Override
        public DesiredState read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public SourceStatus status() {
            return SourceStatus.directory("/nowhere");
        }

        @Override
        public void start(Runnable onChange, Jobs jobs) {}

        @Override
        public void refresh() {
            refreshes.incrementAndGet();
        }

        @Override
        public void close() {}
    };

    @Test
    void aDirectorySourceHasNoHook() {
        GitHookResource hook = new GitHookResource(source, FromConfig.gitHook(StandaloneConfig.load(Map.of(), Map.of("ram.source", "directory"))));
        assertThat(hook.push(BODY, "sha256=" + hmac("s"), null, null).getStatus()).isEqualTo(404);
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void withoutASecretTheHookIsOffWith403() {
        GitHookResource hook = new GitHookResource(source, FromConfig.gitHook(StandaloneConfig.load(Map.of(), Map.of("ram.source", "git"))));
        Response response = hook.push(BODY, "sha256=" + hmac("any"), null, null);
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(((ApiError) response.getEntity()).error()).contains("ram.git.webhook-secret");
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void everyProofPresentMustBeRight() {
        GitHookResource hook = new GitHookResource(source,
                FromConfig.gitHook(StandaloneConfig.load(Map.of(), Map.of("ram.source", "git", "ram.git.webhook-secret", "s3cret"))));
        assertThat(hook.push(BODY, "sha256=" + hmac("s3cret"), hmac("wrong"), null).getStatus()).isEqualTo(401);
        assertThat(hook.push(BODY, hmac("s3cret"), null, null).getStatus()).as("no sha256= prefix").isEqualTo(401);
        assertThat(hook.push(BODY, null, null, "s3cret ").getStatus()).isEqualTo(401);
        assertThat(hook.push(new byte[0], "sha256=" + hmac("s3cret"), null, null).getStatus()).as("other body").isEqualTo(401);
        assertThat(refreshes).hasValue(0);

        assertThat(hook.push(BODY, "sha256=" + hmac("s3cret").toUpperCase(), hmac("s3cret"), "s3cret").getStatus())
                .isEqualTo(202);
        assertThat(refreshes).hasValue(1);
    }

    private static String hmac(String secret) {
        return HexFormat.of().formatHex(HmacSha256.of(secret.getBytes(StandardCharsets.UTF_8), BODY));
    }
}
