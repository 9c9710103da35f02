package io.remoteappmanager.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One validated RemoteApp document: what should run for one (user, mappingId), with the spec-level
 * defaults (mappingId, baseUrlPath) already applied. Engine defaults (resources, port) are applied later.
 *
 * @param idleTimeout stop the app after this long without a request through the proxy (else
 *                    {@code ram.cull.idle-timeout}); not part of the container config, so not of {@code spec_hash}
 * @param secrets     by environment variable name, the files under {@code ram.secrets.dir} whose content the app gets;
 *                    never the content itself, only a digest of it once the secrets are read
 */
public record AppSpec(
        String name,
        String user,
        String image,
        String mappingId,
        String baseUrlPath,
        Optional<String> urlId,
        OptionalInt containerPort,
        Map<String, VolumeBind> volumes,
        Map<String, String> environment,
        List<String> command,
        Resources resources,
        RestartPolicy restartPolicy,
        PullPolicy imagePullPolicy,
        boolean suspend,
        SpecOrigin origin,
        Readiness readiness,
        Optional<Duration> idleTimeout,
        Placement placement,
        Optional<Liveness> liveness,
        Map<String, SecretRef> secrets) {

    public AppSpec {
        volumes = Map.copyOf(volumes);
        environment = Map.copyOf(environment);
        command = List.copyOf(command);
        secrets = Map.copyOf(secrets);
    }

    public AppKey key() {
        return new AppKey(user, mappingId);
    }

    /** The base URL path without trailing slashes, as the container's environment and urlpath use it. */
    public String baseUrl() {
        String trimmed = baseUrlPath;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** Where the proxy serves this app under {@code urlId}: {@code <baseUrlPath without trailing slash>/containers/<urlId>}. */
    public String urlpath(String urlId) {
        return baseUrl() + "/containers/" + urlId;
    }

    /** The same spec from another origin (the commit it was read at). */
    public AppSpec withOrigin(SpecOrigin newOrigin) {
        return new AppSpec(name, user, image, mappingId, baseUrlPath, urlId, containerPort, volumes, environment,
                command, resources, restartPolicy, imagePullPolicy, suspend, newOrigin, readiness, idleTimeout,
                placement, liveness, secrets);
    }

    /** The same spec with other secret references (the same files, each with the digest of its content as read). */
    public AppSpec withSecrets(Map<String, SecretRef> read) {
        return new AppSpec(name, user, image, mappingId, baseUrlPath, urlId, containerPort, volumes, environment,
                command, resources, restartPolicy, imagePullPolicy, suspend, origin, readiness, idleTimeout,
                placement, liveness, read);
    }

    /**
     * Whether the app is checked for liveness once it runs: its spec has a {@code liveness} section, or
     * {@code livenessByDefault} ({@code ram.liveness.enabled}) says every app is.
     */
    public boolean livenessChecked(boolean livenessByDefault) {
        return livenessByDefault || liveness.isPresent();
    }

    /** A host directory bound into the container, in the seed's {@code {bind, mode}} form. */
    public record VolumeBind(String bind, String mode) {
        public boolean readOnly() {
            return "ro".equals(mode);
        }
    }

    /** Optional resource limits; an absent value takes the configured default. */
    public record Resources(Optional<Long> memoryBytes, Optional<Double> cpus, Optional<Long> pids) {
        public static final Resources DEFAULTS = new Resources(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The spec's own readiness probe settings; an absent value takes {@code ram.readiness.*}. Not part of
     * the container config, so not of {@code spec_hash}: changing it recreates nothing.
     */
    public record Readiness(Optional<String> path, Optional<Duration> period, Optional<Duration> timeout) {
        public static final Readiness DEFAULTS = new Readiness(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Where a swarm may run the app, as Swarm takes it: constraints such as {@code node.role == worker} and the node
     * labels or attributes to spread over ({@code node.labels.zone}); an absent list takes
     * {@code ram.swarm.placement.*}. Only a swarm places: a single engine runs the app where it is.
     */
    public record Placement(Optional<List<String>> constraints, Optional<List<String>> spreads) {
        public static final Placement DEFAULTS = new Placement(Optional.empty(), Optional.empty());

        public Placement {
            constraints = constraints.map(List::copyOf);
            spreads = spreads.map(List::copyOf);
        }
    }

    /**
     * The spec's own liveness probe settings; an absent value takes {@code ram.liveness.*}. Like readiness, not part
     * of the container config, so not of {@code spec_hash}: adding or changing it recreates nothing.
     */
    public record Liveness(Optional<String> path, Optional<Duration> period, Optional<Duration> timeout,
            OptionalInt failureThreshold) {
        public static final Liveness DEFAULTS = new Liveness(Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.empty());
    }

    /**
     * One secret of the spec: the name of its file under {@code ram.secrets.dir}, how the app gets it, and the SHA-256
     * of its content once read (empty as parsed), which enters {@code spec_hash} so a changed file rolls the app.
     */
    public record SecretRef(String file, SecretDelivery as, Optional<String> digest) {

        /** Where an app finds a secret delivered as a file. */
        public static final String DIRECTORY = "/run/secrets/";

        public SecretRef withDigest(String sha256) {
            return new SecretRef(file, as, Optional.of(sha256));
        }

        /** The path of the file inside the container, for {@code as: file}. */
        public String path() {
            return DIRECTORY + file;
        }
    }

    /**
     * How an app gets a secret: as the value of its environment variable, or as a file at {@code /run/secrets/<file>}
     * whose path the variable then holds. Written as in the spec file.
     */
    public enum SecretDelivery {
        env, file
    }

    /** Whether an exited container is started again (kubelet's restartPolicy). */
    public enum RestartPolicy {
        Always, OnFailure, Never
    }

    /** When the image is pulled before create (kubelet's imagePullPolicy). */
    public enum PullPolicy {
        IfNotPresent, Always, Never
    }
}
