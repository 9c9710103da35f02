package io.remoteappmanager.notify;

import io.remoteappmanager.app.FromConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.notify.NotifySettings;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.config.StandaloneConfig;
import io.remoteappmanager.time.MonotonicClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code ram.notify.*} reads as the README says, without Quarkus too, and a bad webhook is refused at start. */
class NotifyConfigTest {

    @Test
    void indexedWebhooksAndTheirDefaults() {
        NotifySettings notify = FromConfig.notify(StandaloneConfig.load(Map.of(), Map.of(
                "ram.notify.webhooks[0].url", "https://chat.example.org/hooks/abc",
                "ram.notify.webhooks[0].secret", "s3cret",
                "ram.notify.webhooks[1].url", "http://127.0.0.1:9000/",
                "ram.notify.webhooks[1].phases", "Failed,PendingTooLong",
                "ram.notify.webhooks[1].name", "pager")));

        assertThat(notify.webhooks()).hasSize(2);
        assertThat(notify.webhooks().get(0).secret()).contains("s3cret");
        assertThat(notify.webhooks().get(0).phases()).isEmpty();
        assertThat(notify.webhooks().get(1).phases()).contains(List.of("Failed", "PendingTooLong"));
        assertThat(Webhooks.targets(notify.webhooks())).extracting(WebhookSink.Target::name)
                .containsExactly("webhook-0", "pager");
        assertThat(Webhooks.targets(notify.webhooks()).get(0).shown()).isEqualTo("webhook-0 (https://chat.example.org)");
        assertThat(notify.pendingTooLong()).isEqualTo(Duration.ofMinutes(5));
        assertThat(notify.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(notify.rateLimit()).isEqualTo(30);
        assertThat(notify.ratePeriod()).isEqualTo(Duration.ofMinutes(1));
        assertThat(notify.queueSize()).isEqualTo(1000);
        assertThat(notify.maxAttempts()).isEqualTo(10);
        assertThat(notify.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(notify.maxBackoff()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void noWebhookMeansNoNotifier() {
        RamConfig config = StandaloneConfig.load(Map.of());
        assertThat(config.notifications().webhooks()).isEmpty();
        assertThat(Notifier.fromConfig(FromConfig.notify(config), "r", new SimpleMeterRegistry(), MonotonicClock.system(),
                () -> true))
                .isEqualTo(Optional.empty());
    }

    @Test
    void aWebhookThatIsNoHttpUrlIsRefusedWithoutShowingIt() {
        NotifySettings notify = FromConfig.notify(StandaloneConfig.load(Map.of(), Map.of(
                "ram.notify.webhooks[0].url", "ftp://user:token@files.example.org/x")));

        assertThatThrownBy(() -> Webhooks.targets(notify.webhooks()))
                .hasMessage("ram.notify.webhooks[0].url must be an http or https URL with a host");
    }
}
