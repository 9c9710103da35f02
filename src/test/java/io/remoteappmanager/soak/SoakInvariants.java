package io.remoteappmanager.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.proxy.ProxyRoute;
import io.remoteappmanager.testing.Chp;
import io.remoteappmanager.testing.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The soak's invariants, checked once a second from outside the controllers (the engine, CHP's routing table and the
 * webhook's received bodies), each breach recorded once per episode with its time. Time limits count from the end of
 * the last disruption that keeps every controller from acting (the engine down, the leader paused or killed).
 */
final class SoakInvariants {

    /** A deleted app's container may outlive its deletion's push by the git poll (2 s), 10 s, and a look's leeway. */
    static final Duration DELETED_ALIVE = Duration.ofSeconds(15);
    static final Duration DEAD_ROUTE = Duration.ofSeconds(5);

    /** One breach. */
    record Breach(Instant at, String invariant, String detail) {}

    private final DockerClient docker;
    private final LabelScheme labels;
    private final SoakBook book;
    private final Chp chp;
    private final WebhookReceiver webhook;
    private final List<String> foreign;
    final List<Breach> breaches = new ArrayList<>();
    private final Set<String> open = new HashSet<>();
    private final Map<String, Instant> deadRouteSince = new HashMap<>();
    private int eventsSeen;
    private final Map<String, JsonNode> lastTold = new HashMap<>();
    private volatile Instant quietFrom = Instant.EPOCH;

    SoakInvariants(DockerClient docker, LabelScheme labels, SoakBook book, Chp chp, WebhookReceiver webhook,
            List<String> foreign) {
        this.docker = docker;
        this.labels = labels;
        this.book = book;
        this.chp = chp;
        this.webhook = webhook;
        this.foreign = foreign;
    }

    /** Nothing can act until {@code until}: time limits count from then. */
    void disrupted(Instant until) {
        if (until.isAfter(quietFrom)) {
            quietFrom = until;
        }
    }

    /**
     * A disruption whose end is not known yet (an engine restart): no time limit runs out until {@link
     * #disruptionEnds} names its end. Marked before it begins, since the engine may answer again before the restart
     * has finished (a run counted dead routes from a moment the restart had not yet reported).
     */
    void disruptionBegins() {
        quietFrom = Instant.now().plus(Duration.ofDays(1));
    }

    /** The disruption {@link #disruptionBegins} marked ends: time limits count from {@code from}. */
    void disruptionEnds(Instant from) {
        quietFrom = from;
    }

    /** One look at every invariant; a look that cannot reach the engine or CHP checks what it can. */
    synchronized void check() {
        Instant now = Instant.now();
        Optional<List<Container>> ours = list();
        ours.ifPresent(containers -> {
            onePerKey(containers, now);
            deletedGone(containers, now);
        });
        foreignKept(now);
        ours.ifPresent(containers -> routesLive(containers, now));
        toldOnce(now);
    }

    private Optional<List<Container>> list() {
        try {
            return Optional.of(docker.listContainersCmd().withShowAll(true).withLabelFilter(labels.realmFilter()).exec());
        } catch (RuntimeException engineDown) {
            return Optional.empty();
        }
    }

    private void onePerKey(List<Container> containers, Instant now) {
        Map<Optional<AppKey>, Long> perKey = containers.stream()
                .collect(Collectors.groupingBy(c -> labels.appKey(c.getLabels()), Collectors.counting()));
        perKey.forEach((key, count) -> breachIf(count > 1, "one-container-per-key", key.map(AppKey::toString)
                .orElse("?"), now, count + " containers"));
    }

    private void deletedGone(List<Container> containers, Instant now) {
        Set<AppKey> running = containers.stream().filter(c -> "running".equals(c.getState()))
                .map(c -> labels.appKey(c.getLabels())).flatMap(Optional::stream).collect(Collectors.toSet());
        book.deletions.forEach((key, pushed) -> {
            Instant from = pushed.isAfter(quietFrom) ? pushed : quietFrom;
            breachIf(running.contains(key) && now.isAfter(from.plus(DELETED_ALIVE)), "deleted-app-gone",
                    key.toString(), now, "still running " + Duration.between(pushed, now).toSeconds()
                            + " s after its deletion was pushed");
        });
    }

    private void foreignKept(Instant now) {
        for (String id : foreign) {
            boolean gone;
            try {
                docker.inspectContainerCmd(id).exec();
                gone = false;
            } catch (NotFoundException e) {
                gone = true;
            } catch (RuntimeException engineDown) {
                continue;
            }
            breachIf(gone, "foreign-untouched", id, now, "a container outside the realm was removed");
        }
    }

    private void routesLive(List<Container> containers, Instant now) {
        List<ProxyRoute> routes;
        try {
            routes = chp.routes();
        } catch (RuntimeException chpDown) {
            return;
        }
        Set<String> live = containers.stream().filter(c -> "running".equals(c.getState()))
                .flatMap(c -> java.util.Arrays.stream(c.getPorts())).map(ContainerPort::getPublicPort)
                .filter(Objects::nonNull).map(port -> ":" + port).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        for (ProxyRoute route : routes) {
            if (!route.ownedBy(labels.realm())) {
                continue;
            }
            String target = route.target();
            String port = target.substring(target.lastIndexOf(':')).replaceAll("/.*", "");
            seen.add(route.path());
            if (live.contains(port)) {
                deadRouteSince.remove(route.path());
                open.remove("route-live " + route.path());
                continue;
            }
            Instant since = deadRouteSince.computeIfAbsent(route.path(), p -> now);
            Instant from = since.isAfter(quietFrom) ? since : quietFrom;
            breachIf(now.isAfter(from.plus(DEAD_ROUTE)), "route-live", route.path(), now, "routes to " + target
                    + ", where no container of the realm listens, since " + since);
        }
        deadRouteSince.keySet().retainAll(seen);
    }

    /**
     * One teller's events about an app form a chain: a firing event sets the app's condition to its {@code to}, and the
     * next event starts from that condition; after a resolved event the next one fires. A second teller breaks the
     * chain (the same change again, starting from a condition the first already left).
     */
    private void toldOnce(Instant now) {
        List<WebhookReceiver.Request> accepted = webhook.accepted();
        for (int i = eventsSeen; i < accepted.size(); i++) {
            JsonNode event = accepted.get(i).json();
            if (!event.path("type").asText().equals("app")) {
                continue;
            }
            String key = event.path("app").path("key").asText();
            boolean firing = event.path("state").asText().equals("firing");
            String told = event.path("state").asText() + " " + event.path("from").asText() + "->"
                    + event.path("to").asText() + " at " + event.path("time").asText();
            JsonNode before = lastTold.put(key, event);
            if (before == null) {
                continue;
            }
            boolean broken = before.path("state").asText().equals("firing")
                    ? !event.path("from").asText().equals(before.path("to").asText())
                    : !firing;
            if (broken) {
                breaches.add(new Breach(now, "told-once", key + ": " + told + " does not follow "
                        + before.path("state").asText() + " " + before.path("from").asText() + "->"
                        + before.path("to").asText() + " at " + before.path("time").asText()));
                System.out.printf("SOAK breach %s told-once %s: %s%n", now, key, told);
            }
        }
        eventsSeen = accepted.size();
    }

    private void breachIf(boolean breached, String invariant, String subject, Instant now, String detail) {
        String episode = invariant + " " + subject;
        if (breached && open.add(episode)) {
            breaches.add(new Breach(now, invariant, subject + ": " + detail));
            System.out.printf("SOAK breach %s %s %s: %s%n", now, invariant, subject, detail);
        } else if (!breached) {
            open.remove(episode);
        }
    }
}
