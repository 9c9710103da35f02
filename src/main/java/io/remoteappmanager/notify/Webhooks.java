package io.remoteappmanager.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code ram.notify.webhooks[N].*} into delivery targets, refusing at start what could never be delivered. */
final class Webhooks {

    private Webhooks() {}

    static List<WebhookSink.Target> targets(List<NotifySettings.Webhook> webhooks) {
        List<WebhookSink.Target> targets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < webhooks.size(); i++) {
            NotifySettings.Webhook webhook = webhooks.get(i);
            String name = webhook.name().orElse("webhook-" + i);
            if (!names.add(name)) {
                throw new IllegalArgumentException("ram.notify.webhooks[" + i + "].name: '" + name + "' is taken");
            }
            targets.add(new WebhookSink.Target(name, url(i, webhook.url()),
                    webhook.secret().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                    webhook.phases().map(Set::copyOf)));
        }
        return targets;
    }

    private static URI url(int index, String text) {
        URI url;
        try {
            url = URI.create(text.trim());
        } catch (IllegalArgumentException e) { // its message would show the URL, which may hold a token
            throw new IllegalArgumentException("ram.notify.webhooks[" + index + "].url is not a URL");
        }
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("ram.notify.webhooks[" + index + "].url must be an http or https URL"
                    + " with a host");
        }
        return url;
    }
}
