package io.remoteappmanager.manager;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.ContainerNames;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.runtime.ContainerRequest.Limits;
import io.remoteappmanager.runtime.ContainerRequest.Security;
import io.remoteappmanager.runtime.ContainerRequest.VolumeMount;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.spec.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an {@link AppSpec} into the exact container to create (labels, name, environment, limits,
 * security) and into its {@code spec_hash}, so that what is created and what is compared are one thing.
 */
@ApplicationScoped
public class ContainerTemplate {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final RamConfig config;
    private final LabelScheme labels;

    public ContainerTemplate(RamConfig config, LabelScheme labels) {
        this.config = config;
        this.labels = labels;
    }

    /** The container for {@code spec}, reachable under {@code urlId}. */
    public ContainerRequest request(AppSpec spec, String urlId) {
        String base = trimSlash(spec.baseUrlPath());
        String urlpath = urlpath(spec.baseUrlPath(), urlId);
        Map<String, String> labelValues = new HashMap<>();
        labelValues.put(labels.key(LabelScheme.REALM), labels.realm());
        labelValues.put(labels.key(LabelScheme.USER), spec.user());
        labelValues.put(labels.key(LabelScheme.MAPPING_ID), spec.mappingId());
        labelValues.put(labels.key(LabelScheme.URL_ID), urlId);
        labelValues.put(labels.key(LabelScheme.URLPATH), urlpath);
        labelValues.put(labels.key(LabelScheme.SPEC_HASH), specHash(spec));
        labelValues.put(labels.key(LabelScheme.SOURCE), spec.origin().label());
        spec.origin().revision().ifPresent(commit -> labelValues.put(labels.key(LabelScheme.REVISION), commit));

        Map<String, String> environment = new HashMap<>(spec.environment());
        environment.put("JPY_USER", spec.user());
        environment.put("JPY_BASE_USER_URL", base);
        environment.put("USER", spec.user().split("@", 2)[0]);
        environment.put("URL_ID", urlId);

        List<VolumeMount> volumes = spec.volumes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new VolumeMount(e.getKey(), e.getValue().bind(), e.getValue().readOnly()))
                .toList();
        return new ContainerRequest(ContainerNames.of(labels.realm(), spec.key()), spec.image(), labelValues,
                environment, spec.command(), containerPort(spec), config.docker().hostIp(), volumes, limits(spec),
                new Security(config.docker().init(), config.docker().capAdd(), true));
    }

    /**
     * SHA-256 of the canonical desired container config, not of the file text: a reformatted file or a
     * moved document gives the same hash, any change to what would run gives another.
     */
    public String specHash(AppSpec spec) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("image", spec.image());
        canonical.put("user", spec.user());
        canonical.put("mappingId", spec.mappingId());
        canonical.put("baseUrlPath", trimSlash(spec.baseUrlPath()));
        canonical.put("urlId", spec.urlId().orElse(null));
        canonical.put("containerPort", containerPort(spec));
        canonical.put("volumes", new TreeMap<>(spec.volumes()));
        canonical.put("environment", new TreeMap<>(spec.environment()));
        canonical.put("command", spec.command());
        canonical.put("limits", limits(spec));
        canonical.put("hostIp", config.docker().hostIp());
        try {
            byte[] json = CANONICAL.writeValueAsBytes(canonical);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash spec " + spec.name(), e);
        }
    }

    /** {@code <baseUrlPath without trailing slash>/containers/<urlId>}. */
    public static String urlpath(String baseUrlPath, String urlId) {
        return trimSlash(baseUrlPath) + "/containers/" + urlId;
    }

    public int containerPort(AppSpec spec) {
        return spec.containerPort().orElse(config.containerPort());
    }

    private Limits limits(AppSpec spec) {
        RamConfig.Docker defaults = config.docker();
        AppSpec.Resources resources = spec.resources();
        return new Limits(
                resources.memoryBytes().orElseGet(() -> MemorySize.parseBytes(defaults.defaultMemory())),
                resources.cpus().orElse(defaults.defaultCpus()),
                resources.pids().orElse(defaults.defaultPids()));
    }

    private static String trimSlash(String path) {
        String trimmed = path;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
