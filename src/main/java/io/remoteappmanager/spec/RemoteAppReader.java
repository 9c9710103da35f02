package io.remoteappmanager.spec;

import static io.remoteappmanager.spec.RemoteAppFormat.*;

import com.fasterxml.jackson.core.JsonToken;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.AppSpec.Liveness;
import io.remoteappmanager.model.AppSpec.Placement;
import io.remoteappmanager.model.AppSpec.Readiness;
import io.remoteappmanager.model.AppSpec.Resources;
import io.remoteappmanager.model.AppSpec.SecretRef;
import io.remoteappmanager.model.AppSpec.VolumeBind;
import io.remoteappmanager.model.SpecOrigin;
import io.remoteappmanager.spec.YamlCursor.Issue;
import io.remoteappmanager.spec.YamlCursor.Refused;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads one RemoteApp document by {@link RemoteAppFormat} and turns it into an {@link AppSpec}, or into every issue that
 * stops it from being one, with the checks across fields the format alone cannot say (distinct bind targets).
 */
final class RemoteAppReader {

    /** A document's app when it has no issue; {@code key} is known whenever user and mapping id are valid. */
    record Outcome(Optional<AppSpec> spec, Optional<AppKey> key, List<Issue> issues) {}

    private RemoteAppReader() {}

    /** The document whose first token is at the cursor; leaves the cursor on its last. */
    static Outcome read(String file, YamlCursor in) throws IOException, Refused {
        int line = in.line();
        if (in.token() != JsonToken.START_OBJECT) {
            // a file that is not a RemoteApp at all is never echoed: its text could be anybody's secret
            String shape = in.token().isScalarValue() ? "a plain value (not shown)" : in.describe();
            in.issue(line, "expected " + DOCUMENT.expected() + ", got " + shape);
            in.skipValue();
            return new Outcome(Optional.empty(), Optional.empty(), in.takeIssues());
        }
        Values document = DOCUMENT.read(in, "", line);
        Values spec = document.get(SPEC);
        if (spec == null) {
            return new Outcome(Optional.empty(), Optional.empty(), in.takeIssues());
        }
        Optional<String> name = Optional.ofNullable(document.get(METADATA)).map(metadata -> metadata.get(NAME));
        Optional<String> user = spec.find(USER);
        Optional<String> mappingId = spec.has(MAPPING_ID) ? spec.find(MAPPING_ID) : name;
        Map<String, VolumeBind> volumes = volumes(in, spec);
        Map<String, SecretRef> secrets = secrets(in, spec);
        Optional<AppKey> key = user.flatMap(u -> mappingId.map(m -> new AppKey(u, m)));
        List<Issue> issues = in.takeIssues();
        if (!issues.isEmpty()) {
            return new Outcome(Optional.empty(), key, issues);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        spec.find(ENVIRONMENT).orElse(List.of()).forEach(entry -> environment.put(entry.key(), entry.value()));
        SpecOrigin origin = new SpecOrigin(file, name.orElseThrow(), line).withFieldLines(checkedFieldLines(spec));
        return new Outcome(Optional.of(new AppSpec(name.orElseThrow(), user.orElseThrow(), spec.get(IMAGE),
                mappingId.orElseThrow(), spec.find(BASE_URL_PATH).orElse("/user/" + user.orElseThrow()), spec.find(URL_ID),
                spec.find(CONTAINER_PORT).map(port -> OptionalInt.of(port.intValue())).orElse(OptionalInt.empty()),
                volumes, environment, spec.find(COMMAND).orElse(List.of()), resources(spec.get(RESOURCES)),
                spec.get(RESTART_POLICY), spec.get(IMAGE_PULL_POLICY), spec.get(SUSPEND), origin,
                readiness(spec.get(READINESS)), spec.find(IDLE_TIMEOUT), placement(spec.get(PLACEMENT)),
                spec.find(LIVENESS).map(RemoteAppReader::liveness), secrets)), key, issues);
    }

    /** The volumes, each bind target once: a second source for a target is an issue at its line. */
    private static Map<String, VolumeBind> volumes(YamlCursor in, Values spec) {
        Map<String, VolumeBind> volumes = new LinkedHashMap<>();
        Map<String, String> sourceByTarget = new HashMap<>();
        for (MapOf.Entry<Values> entry : spec.find(VOLUMES).orElse(List.of())) {
            String target = entry.value().get(BIND);
            if (target != null) {
                String other = sourceByTarget.putIfAbsent(target, entry.key());
                if (other != null) {
                    in.issue(entry.line(), "spec.volumes[" + entry.key() + "].bind", target + " is already the target of " + other);
                }
                volumes.put(entry.key(), new VolumeBind(target, entry.value().get(BIND_MODE)));
            }
        }
        return volumes;
    }

    /** The secrets; a name the environment sets too is an issue at its line, as the app would get one of the two. */
    private static Map<String, SecretRef> secrets(YamlCursor in, Values spec) {
        Map<String, SecretRef> secrets = new LinkedHashMap<>();
        List<String> environment = spec.find(ENVIRONMENT).orElse(List.of()).stream().map(MapOf.Entry::key).toList();
        for (MapOf.Entry<Values> entry : spec.find(SECRETS).orElse(List.of())) {
            String file = entry.value().get(SECRET_FILE);
            if (environment.contains(entry.key())) {
                in.issue(entry.line(), "spec.secrets." + entry.key(), "is set in spec.environment too");
            } else if (file != null) {
                secrets.put(entry.key(), new SecretRef(file, entry.value().get(SECRET_AS), Optional.empty()));
            }
        }
        return secrets;
    }

    /** Where the fields the policy judges were written: {@code image}, each {@code volumes[src]}, {@code resources.*}. */
    private static Map<String, Integer> checkedFieldLines(Values spec) {
        Map<String, Integer> lines = new HashMap<>();
        lines.put("image", spec.line(IMAGE));
        spec.find(VOLUMES).orElse(List.of()).forEach(entry -> lines.put("volumes[" + entry.key() + "]", entry.line()));
        spec.find(SECRETS).orElse(List.of()).forEach(entry -> lines.put("secrets." + entry.key(), entry.line()));
        Values resources = spec.get(RESOURCES);
        if (resources != null) {
            for (Field<?> field : List.of(MEMORY, CPUS, PIDS)) {
                if (resources.has(field)) {
                    lines.put("resources." + field.name(), resources.line(field));
                }
            }
        }
        return lines;
    }

    private static Resources resources(Values resources) {
        return resources == null ? Resources.DEFAULTS
                : new Resources(resources.find(MEMORY), resources.find(CPUS), resources.find(PIDS));
    }

    private static Readiness readiness(Values readiness) {
        return readiness == null ? Readiness.DEFAULTS
                : new Readiness(readiness.find(PROBE_PATH), readiness.find(PROBE_PERIOD), readiness.find(PROBE_TIMEOUT));
    }

    private static Liveness liveness(Values liveness) {
        return new Liveness(liveness.find(PROBE_PATH), liveness.find(PROBE_PERIOD), liveness.find(PROBE_TIMEOUT),
                liveness.find(FAILURE_THRESHOLD).map(n -> OptionalInt.of(n.intValue())).orElse(OptionalInt.empty()));
    }

    private static Placement placement(Values placement) {
        if (placement == null) {
            return Placement.DEFAULTS;
        }
        return new Placement(placement.find(CONSTRAINTS),
                placement.find(PREFERENCES).map(items -> items.stream().map(item -> item.get(SPREAD)).toList()));
    }
}
