package io.remoteappmanager.status;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Endpoint;
import io.remoteappmanager.model.ImageMetadata;
import io.remoteappmanager.model.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an operator wants to know about one app: where it stands and why, where it is served, what runs for it,
 * and what the controller last did to it. Immutable: each pass and each finished key projects a new one.
 *
 * @param source   the spec's origin ({@code file#document}), when it has a spec
 * @param ready    whether its container runs and its readiness probe said so: only then is it routed to it
 * @param imageDigest the registry digest ({@code sha256:...}) of the image its container runs, when known
 * @param metadata what the image its container runs says of the app (title, icon, ...), once that image was read
 * @param route    where the proxy should send its urlpath
 * @param revision the source version its container was made from (a git commit), when known
 * @param exitCode the code its container last exited with, when it has exited
 * @param node     the node its container runs on (a swarm)
 * @param network  the network its container was placed on ({@code ram.docker.networks})
 * @param since       when it entered its phase
 * @param transitions its last {@value #TRANSITIONS_KEPT} phase changes, oldest first
 */
public record AppStatus(
        AppKey key,
        Optional<String> name,
        Optional<String> source,
        Phase phase,
        String message,
        Optional<String> containerId,
        Optional<String> image,
        Optional<String> imageDigest,
        Optional<ImageMetadata> metadata,
        Optional<String> urlId,
        Optional<String> urlpath,
        Optional<Endpoint> endpoint,
        boolean ready,
        AppRoute route,
        Optional<String> revision,
        OptionalInt exitCode,
        Optional<String> node,
        Optional<String> network,
        LastAction last,
        Instant since,
        Instant updated,
        List<Transition> transitions) {

    /** How many phase changes an app remembers. */
    public static final int TRANSITIONS_KEPT = 20;

    public AppStatus {
        transitions = List.copyOf(transitions);
    }

    /**
     * The last thing the controller did to the app and how it went, kept until the next action.
     *
     * @param error the failure, when it failed
     */
    public record LastAction(Optional<String> action, Optional<String> reason, Optional<Instant> at,
            Optional<String> error) {

        public static final LastAction NONE = new LastAction(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** What was last done to it ({@code create}, {@code restart}, ...), if anything. */
    public Optional<String> lastAction() {
        return last.action();
    }

    public Optional<String> lastReason() {
        return last.reason();
    }

    public Optional<Instant> lastActionAt() {
        return last.at();
    }

    /** Why its last action failed, when it did. */
    public Optional<String> lastError() {
        return last.error();
    }

    /** Whether {@code other} says the same in everything but {@code updated}, which every pass renews. */
    boolean sameExceptUpdated(AppStatus other) {
        return this == other || equals(new AppStatus(other.key, other.name, other.source, other.phase, other.message,
                other.containerId, other.image, other.imageDigest, other.metadata, other.urlId, other.urlpath,
                other.endpoint,
                other.ready, other.route, other.revision, other.exitCode, other.node, other.network, other.last,
                other.since, updated, other.transitions));
    }

    /** {@code http://host:port} of its container, when it is published. */
    public Optional<String> hostUrl() {
        return endpoint.map(Endpoint::url);
    }
}
