package io.remoteappmanager.actuator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.ContainerNames;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.model.VolumeMount;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.ContainerRequest.Limits;
import io.remoteappmanager.runtime.ContainerRequest.Placement;
import io.remoteappmanager.runtime.ContainerRequest.Security;
import io.remoteappmanager.runtime.RuntimeCapabilities;
import io.remoteappmanager.spec.MemorySize;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns an {@link AppSpec} into the exact container to launch (labels, name, environment, limits, security) and
 * into its {@code spec_hash}, so that what is created and what is compared are one thing.
 */
public final class ContainerTemplate {

    /**
     * What every container gets unless its spec says otherwise ({@code ram.container-port}, {@code ram.docker.*},
     * {@code ram.swarm.placement.*}).
     *
     * @param hostIp             the host address the container port is published on
     * @param init               run with the engine's init
     * @param capAdd             Linux capabilities kept after dropping all
     * @param defaultMemory      a memory size such as {@code 512m}
     * @param defaultConstraints placement constraints of a spec that names none
     * @param defaultSpreads     the node attributes or labels apps are spread over when their spec names none
     */
    public record Settings(int containerPort, String hostIp, boolean init, List<String> capAdd, String defaultMemory,
            double defaultCpus, long defaultPids, List<String> defaultConstraints, List<String> defaultSpreads) {}

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    /** What every container ran with before security settings counted in the hash (see {@link #specHash}). */
    private static final Security FORMER_DEFAULT = normalized(new Security(true,
            List.of("CHOWN", "SETUID", "SETGID", "DAC_OVERRIDE", "FOWNER", "KILL", "NET_BIND_SERVICE"), true));

    private final Settings settings;
    private final LabelScheme labels;
    private final RuntimeCapabilities runtime;
    private final Security security;

    /** The template for containers on a runtime that can do {@code runtime}. */
    public ContainerTemplate(Settings settings, LabelScheme labels, RuntimeCapabilities runtime) {
        this.settings = settings;
        this.labels = labels;
        this.runtime = runtime;
        this.security = new Security(settings.init(), settings.capAdd(), true);
    }

    /** The container for {@code spec}, reachable under {@code urlId}. */
    public ContainerRequest request(AppSpec spec, String urlId) {
        Map<String, String> labelValues = new HashMap<>();
        labelValues.put(labels.key(LabelScheme.REALM), labels.realm());
        labelValues.put(labels.key(LabelScheme.USER), spec.user());
        labelValues.put(labels.key(LabelScheme.MAPPING_ID), spec.mappingId());
        labelValues.put(labels.key(LabelScheme.URL_ID), urlId);
        labelValues.put(labels.key(LabelScheme.URLPATH), spec.urlpath(urlId));
        labelValues.put(labels.key(LabelScheme.SPEC_HASH), specHash(spec));
        labelValues.put(labels.key(LabelScheme.SOURCE), spec.origin().label());
        spec.origin().revision().ifPresent(commit -> labelValues.put(labels.key(LabelScheme.REVISION), commit));

        Map<String, String> environment = new HashMap<>(spec.environment());
        environment.put("JPY_USER", spec.user());
        environment.put("JPY_BASE_USER_URL", spec.baseUrl());
        environment.put("USER", spec.user().split("@", 2)[0]);
        environment.put("URL_ID", urlId);
        spec.secrets().forEach((name, secret) -> {
            if (secret.as() == AppSpec.SecretDelivery.file) {
                environment.put(name, secret.path()); // the path, not the content: the runtime delivers that
            }
        });

        List<VolumeMount> volumes = spec.volumes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new VolumeMount(e.getKey(), e.getValue().bind(), e.getValue().readOnly()))
                .toList();
        return new ContainerRequest(ContainerNames.of(labels.realm(), spec.key()), spec.image(), spec.imagePullPolicy(),
                labelValues, environment, spec.command(), containerPort(spec), settings.hostIp(), volumes,
                limits(spec), security, spec.restartPolicy(), placement(spec), Optional.empty(), List.of());
    }

    /**
     * SHA-256 of the canonical desired container config, not of the file text: a reformatted file or a moved
     * document gives the same hash, any change to what would run gives another, a changed secret file included (its
     * content's digest counts; a spec without secrets hashes as before they existed). The security settings
     * ({@code ram.docker.init}, {@code ram.docker.cap-add}) count as soon as they differ from what every container
     * ran with before they counted, so tightening them reaches running apps, and an upgrade alone recreates none.
     * On a runtime that runs the restart policy and the placement itself (a swarm) they are part of what runs, so they
     * count there, and only there: a single engine runs neither, and its hashes stay what they were.
     */
    public String specHash(AppSpec spec) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("image", spec.image());
        canonical.put("user", spec.user());
        canonical.put("mappingId", spec.mappingId());
        canonical.put("baseUrlPath", spec.baseUrl());
        canonical.put("urlId", spec.urlId().orElse(null));
        canonical.put("containerPort", containerPort(spec));
        canonical.put("volumes", new TreeMap<>(spec.volumes()));
        canonical.put("environment", new TreeMap<>(spec.environment()));
        canonical.put("command", spec.command());
        canonical.put("limits", limits(spec));
        canonical.put("hostIp", settings.hostIp());
        if (!spec.secrets().isEmpty()) {
            Map<String, List<String>> secrets = new TreeMap<>(); // file, delivery and the content's digest
            spec.secrets().forEach((name, secret) -> secrets.put(name,
                    List.of(secret.file(), secret.as().name(), secret.digest().orElse(""))));
            canonical.put("secrets", secrets);
        }
        Security hashed = normalized(security);
        if (!hashed.equals(FORMER_DEFAULT)) {
            canonical.put("security", hashed);
        }
        if (runtime.hashesRestartPolicyAndPlacement()) {
            canonical.put("swarm", Map.of("restartPolicy", spec.restartPolicy(), "placement", placement(spec)));
        }
        try {
            byte[] json = CANONICAL.writeValueAsBytes(canonical);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash spec " + spec.name(), e);
        }
    }

    public int containerPort(AppSpec spec) {
        return spec.containerPort().orElse(settings.containerPort());
    }

    private Limits limits(AppSpec spec) {
        AppSpec.Resources resources = spec.resources();
        return new Limits(
                resources.memoryBytes().orElseGet(() -> MemorySize.parseBytes(settings.defaultMemory())),
                resources.cpus().orElse(settings.defaultCpus()),
                resources.pids().orElse(settings.defaultPids()));
    }

    /** The spec's placement, each list it leaves out taken from the defaults. */
    private Placement placement(AppSpec spec) {
        return new Placement(spec.placement().constraints().orElse(settings.defaultConstraints()),
                spec.placement().spreads().orElse(settings.defaultSpreads()));
    }

    private static Security normalized(Security security) {
        return new Security(security.init(), security.capAdd().stream().sorted().toList(), security.noNewPrivileges());
    }
}
