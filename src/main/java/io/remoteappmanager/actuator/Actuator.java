package io.remoteappmanager.actuator;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.AppSpec.SecretRef;
import io.remoteappmanager.model.ContainerNames;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.VolumeMount;
import io.remoteappmanager.observe.ObservedCache;
import io.remoteappmanager.planner.Action;
import io.remoteappmanager.planner.ActionOutcome;
import io.remoteappmanager.policy.VolumeRule;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.LaunchFailedException;
import io.remoteappmanager.runtime.NameConflictException;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.runtime.SecretValue;
import io.remoteappmanager.secrets.SecretsDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The one place where planned actions become engine calls. It checks the volume policy right before every create
 * and every start, on the host paths as they resolve then (the engine resolves a bind again at each start), and
 * tells the cache what it changed, so the next plan sees its own work without waiting for the engine's events. It reads
 * an app's secrets right before its launch, and labels the container with the digests of what it read.
 */
public final class Actuator {

    private static final Logger LOG = Logger.getLogger(Actuator.class);

    private final ContainerRuntime runtime;
    private final ContainerTemplate template;
    private final VolumeRule volumes;
    private final LabelScheme labels;
    private final ObservedCache cache;
    private final Optional<SecretsDirectory> secrets;

    /** @param secrets {@code ram.secrets.dir}, where the apps' secrets are read; empty when it is not set */
    public Actuator(ContainerRuntime runtime, ContainerTemplate template, VolumeRule volumes, LabelScheme labels,
            ObservedCache cache, Optional<SecretsDirectory> secrets) {
        this.runtime = runtime;
        this.template = template;
        this.volumes = volumes;
        this.labels = labels;
        this.cache = cache;
        this.secrets = secrets;
    }

    /** Carries out one action and says how it ended; never throws. */
    public ActionOutcome apply(Action action) {
        try (ObservedCache.ActingScope acting = cache.acting(action.key())) {
            Optional<String> started = switch (action.kind()) {
                case CREATE -> Optional.of(launch(action.spec().orElseThrow(), urlId(action)).id());
                case RECREATE -> Optional.of(replace(action).id());
                case RESTART, START -> Optional.of(restart(action.container().orElseThrow()).id());
                case STOP -> {
                    cache.written(runtime.stop(action.containerId().orElseThrow()));
                    yield Optional.empty();
                }
                case REMOVE -> {
                    remove(action.container().orElseThrow().id());
                    yield Optional.empty();
                }
            };
            LOG.infof("%s", action);
            return ActionOutcome.done(action, started);
        } catch (NameConflictException conflict) {
            return nameTaken(action, conflict);
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warnf("%s FAILED: %s", action, error);
            return ActionOutcome.failed(action, error);
        }
    }

    /** Creates and starts the container for {@code spec} under {@code urlId}. */
    private RuntimeContainer launch(AppSpec spec, String urlId) {
        RuntimeContainer started = runtime.launch(checked(spec.key(), request(spec, urlId)));
        cache.written(started);
        return started;
    }

    /** Stops and removes a container. */
    private void remove(String containerId) {
        runtime.remove(containerId);
        cache.removed(containerId);
    }

    /** A fresh url id: 32 random hex characters. */
    public static String newUrlId() {
        UUID uuid = UUID.randomUUID();
        return HexFormat.of().toHexDigits(uuid.getMostSignificantBits()) + HexFormat.of().toHexDigits(uuid.getLeastSignificantBits());
    }

    /** Replaces the container with one on the same network: a running app never moves between networks. */
    private RuntimeContainer replace(Action action) {
        ObservedContainer current = action.container().orElseThrow();
        String old = current.id();
        ContainerRequest request = request(action.spec().orElseThrow(), urlId(action));
        ContainerRequest kept = current.network()
                .map(network -> request.placedOn(network, labels.key(LabelScheme.NETWORK)))
                .orElse(request);
        RuntimeContainer replacement = runtime.replace(old, checked(action.key(), kept));
        if (!replacement.id().equals(old)) {
            cache.removed(old);
        }
        cache.written(replacement);
        return replacement;
    }

    private RuntimeContainer restart(ObservedContainer stopped) {
        stopped.mounts().forEach(mount -> volumes.checkBoundSource(mount.source()));
        RuntimeContainer started = runtime.restart(stopped.id());
        cache.written(started);
        return started;
    }

    /**
     * The container for {@code spec} with the contents of its secrets as they are now; its {@code spec_hash} holds the
     * digests of exactly those contents, so a file changed since the pass is not labelled with the old one.
     */
    private ContainerRequest request(AppSpec spec, String urlId) {
        if (spec.secrets().isEmpty()) {
            return template.request(spec, urlId);
        }
        SecretsDirectory directory = secrets.orElseThrow(() -> new LaunchFailedException(spec.key()
                + " names secrets, but ram.secrets.dir is not set"));
        Map<String, SecretRef> read = new LinkedHashMap<>();
        List<SecretValue> values = new ArrayList<>();
        spec.secrets().forEach((name, ref) -> {
            byte[] content = directory.content(ref.file());
            SecretRef digested = ref.withDigest(SecretsDirectory.sha256(content));
            read.put(name, digested);
            values.add(new SecretValue(name, digested, digested.digest().orElseThrow(), content));
        });
        return template.request(spec.withSecrets(read), urlId).withSecrets(values);
    }

    /**
     * The request with each host source replaced by its real path, checked against the policy as it resolves now.
     * A missing source is an error: the engine would create it, owned by root, instead of binding the user's data.
     */
    private ContainerRequest checked(AppKey key, ContainerRequest request) {
        if (request.volumes().isEmpty()) {
            return request;
        }
        for (VolumeMount volume : request.volumes()) {
            if (!Files.exists(Path.of(volume.source()))) {
                throw new LaunchFailedException("volume source " + volume.source() + " of " + key
                        + " does not exist on the host");
            }
        }
        List<VolumeMount> resolved = request.volumes().stream()
                .map(v -> new VolumeMount(volumes.bindSource(v.source()), v.target(), v.readOnly()))
                .toList();
        return request.withVolumes(resolved);
    }

    /**
     * The name is taken: by this realm's own container for the key (another controller created it; nothing to do
     * but look at it), by nobody any more (the other's create failed and removed it; the next pass looks again),
     * or by a stranger, which is an error naming the holder.
     */
    private ActionOutcome nameTaken(Action action, NameConflictException conflict) {
        AppKey key = action.key();
        String name = ContainerNames.of(labels.realm(), key);
        Optional<RuntimeContainer> holder;
        try {
            holder = runtime.inspect(name);
        } catch (RuntimeException e) {
            return ActionOutcome.failed(action, conflict.getMessage() + "; looking up the holder failed: " + e.getMessage());
        }
        if (holder.isEmpty() || labels.inRealm(holder.get().labels())
                && labels.appKey(holder.get().labels()).filter(key::equals).isPresent()) {
            holder.ifPresent(cache::written);
            LOG.infof("%s: the name was taken by another controller of this realm; looking again", action);
            return ActionOutcome.doneElsewhere(action);
        }
        String error = "container name " + name + " is held by container " + shortId(holder.get().id())
                + " that is not this realm's " + key + " (labels " + holder.get().labels() + ")";
        LOG.warnf("%s FAILED: %s", action, error);
        return ActionOutcome.failed(action, error);
    }

    /** The url id the action keeps, or a fresh one when it has none (a new app, or a container that lost its label). */
    private static String urlId(Action action) {
        return action.urlId().filter(id -> !id.isBlank()).orElseGet(Actuator::newUrlId);
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
