package io.remoteappmanager.runtime.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.ContainerSpecSecret;
import com.github.dockerjava.api.model.Secret;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import io.remoteappmanager.runtime.NameConflictException;
import io.remoteappmanager.runtime.RuntimeFault;
import io.remoteappmanager.runtime.SecretValue;
import io.remoteappmanager.runtime.dockerapi.EngineClient;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The realm's Swarm secret objects: one per secret content, named {@code <realm>-<file>-<12 hex of its SHA-256>} and
 * labelled with the realm, created the first time a service needs it and removed once no service of the realm names it
 * (Swarm refuses to remove one in use, so a sweep never breaks a service). Created through the raw API: docker-java's
 * {@code SecretSpec.withData} takes text and encodes it in the platform charset, which would change a binary secret.
 * A service write that names objects runs within {@link #naming}, so that no sweep runs between making sure of an
 * object and writing the service that names it; writes run side by side, a sweep alone. A runtime that has seen no
 * secret object since a sweep found none sweeps no more, so apps without secrets pay nothing.
 */
final class SwarmSecrets {

    /** A secret object as a service names it: mounted at {@code /run/secrets/<file>}. */
    record Reference(String id, String name, String file) {}

    private static final Logger LOG = Logger.getLogger(SwarmSecrets.class);
    /** Swarm's longest object name. */
    static final int MAX_NAME = 64;
    private static final int HASH_CHARS = 12;

    private final EngineClient engine;
    private final DockerClient docker;
    private final String realm;
    private final Map<String, String> realmLabel;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Whether the realm may own secret objects: unknown at first (a previous run may have left some). */
    private volatile boolean mayOwn = true;

    SwarmSecrets(EngineClient engine, String realm, Map<String, String> realmLabel) {
        this.engine = engine;
        this.docker = engine.docker();
        this.realm = realm;
        this.realmLabel = Map.copyOf(realmLabel);
    }

    /** Runs {@code write}, which makes sure of objects ({@link #ensure}) and writes a service naming them, between sweeps. */
    <T> T naming(Supplier<T> write) {
        lock.readLock().lock();
        try {
            return write.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The object of each file secret of {@code secrets} (one per file), each created when its content is new. */
    List<Reference> ensure(List<SecretValue> secrets) {
        Map<String, SecretValue> byFile = new LinkedHashMap<>();
        secrets.stream().filter(SecretValue::asFile).forEach(s -> byFile.putIfAbsent(s.ref().file(), s));
        if (!byFile.isEmpty()) {
            mayOwn = true;
        }
        return byFile.values().stream().map(this::ensure).toList();
    }

    /**
     * Removes the realm's secret objects that no service of the realm names any more. A failure is logged and left to
     * the next sweep: the service change that asked for it is done either way.
     */
    void sweep() {
        if (!mayOwn) {
            return;
        }
        lock.writeLock().lock();
        try {
            sweepNow();
        } catch (RuntimeFault fault) {
            LOG.warnf("sweeping the secret objects of realm %s failed; the next service removal tries again: %s", realm,
                    fault.getMessage());
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void sweepNow() {
        List<Secret> owned = engine.call("list secrets", () -> docker.listSecretsCmd().withLabelFilter(realmLabel).exec());
        if (owned.isEmpty()) {
            mayOwn = false;
            return;
        }
        List<Service> services = engine.call("list services", () -> docker.listServicesCmd().withLabelFilter(realmLabel).exec());
        Set<String> used = services.stream()
                .map(s -> s.getSpec() == null || s.getSpec().getTaskTemplate() == null ? null
                        : s.getSpec().getTaskTemplate().getContainerSpec())
                .filter(Objects::nonNull).map(ContainerSpec::getSecrets).filter(Objects::nonNull)
                .flatMap(List::stream).map(ContainerSpecSecret::getSecretId).collect(Collectors.toSet());
        for (Secret secret : owned) {
            if (!used.contains(secret.getId())) {
                try {
                    engine.unlessNotFound("remove secret " + secret.getId(), () -> {
                        docker.removeSecretCmd(secret.getId()).exec();
                        return secret;
                    });
                    LOG.infof("removed secret %s: no service of realm %s uses it any more", name(secret), realm);
                } catch (RuntimeFault refused) {
                    LOG.debugf("secret %s stays: %s", name(secret), refused.getMessage()); // in use after all
                }
            }
        }
    }

    /** The object's name for {@code file} with content {@code digest}; the realm and file part is cut to fit. */
    String objectName(String file, String digest) {
        String prefix = realm + "-" + file;
        int room = MAX_NAME - HASH_CHARS - 1;
        return (prefix.length() > room ? prefix.substring(0, room) : prefix) + "-" + digest.substring(0, HASH_CHARS);
    }

    private Reference ensure(SecretValue secret) {
        String name = objectName(secret.ref().file(), secret.digest());
        String id = find(name).orElseGet(() -> create(name, secret));
        return new Reference(id, name, secret.ref().file());
    }

    private Optional<String> find(String name) {
        return engine.call("list secrets " + name, () -> docker.listSecretsCmd().withNameFilter(List.of(name)).exec())
                .stream().filter(s -> name.equals(name(s))).map(Secret::getId).findFirst();
    }

    private String create(String name, SecretValue secret) {
        ObjectNode spec = JsonNodeFactory.instance.objectNode().put("Name", name)
                .put("Data", Base64.getEncoder().encodeToString(secret.content()));
        ObjectNode labels = spec.putObject("Labels");
        realmLabel.forEach(labels::put);
        try {
            JsonNode created = engine.call("create secret " + name, () -> engine.send(Method.POST, "/secrets/create", Map.of(), spec));
            LOG.infof("created secret %s for %s", name, secret.ref().file());
            return created.path("ID").asText();
        } catch (NameConflictException raced) {
            return find(name).orElseThrow(() -> raced);
        }
    }

    private static String name(Secret secret) {
        return secret.getSpec() == null ? null : secret.getSpec().getName();
    }
}
