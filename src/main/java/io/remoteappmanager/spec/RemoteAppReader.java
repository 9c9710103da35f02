package io.remoteappmanager.spec;

import static io.remoteappmanager.spec.SpecPatterns.CONTAINER_PATH;
import static io.remoteappmanager.spec.SpecPatterns.ENV_NAME;
import static io.remoteappmanager.spec.SpecPatterns.HOST_PATH;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.AppSpec.Liveness;
import io.remoteappmanager.model.AppSpec.Placement;
import io.remoteappmanager.model.AppSpec.PullPolicy;
import io.remoteappmanager.model.AppSpec.Readiness;
import io.remoteappmanager.model.AppSpec.Resources;
import io.remoteappmanager.model.AppSpec.RestartPolicy;
import io.remoteappmanager.model.AppSpec.VolumeBind;
import io.remoteappmanager.model.SpecOrigin;
import io.remoteappmanager.spec.MappingReader.Issue;
import io.remoteappmanager.spec.SpecPatterns.TextRule;
import io.remoteappmanager.spec.YamlNode.Entry;
import io.remoteappmanager.spec.YamlNode.Mapping;
import io.remoteappmanager.spec.YamlNode.Scalar;
import io.remoteappmanager.spec.YamlNode.Sequence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Turns one RemoteApp document's tree into an {@link AppSpec}, or into every issue that stops it from being one. */
final class RemoteAppReader {

    private static final String API_VERSION = "remoteappmanager/v1";
    private static final String KIND = "RemoteApp";
    /** Docker refuses memory limits below 6 MiB; saying so here beats a failed create later. */
    private static final long MIN_MEMORY_BYTES = 6L << 20;
    /** Linux's highest possible pid_max. */
    private static final long MAX_PIDS = 1L << 22;
    /** Failed liveness checks in a row before an app is recreated: beyond this, it would never be. */
    private static final long MAX_FAILURE_THRESHOLD = 100;

    private static final TextRule MODE = new TextRule(Pattern.compile("ro|rw"), 2, "ro or rw");

    /** A document's app when it has no issue; {@code key} is known whenever user and mapping id are valid. */
    record Outcome(Optional<AppSpec> spec, Optional<AppKey> key, List<Issue> issues) {}

    private RemoteAppReader() {}

    static Outcome read(String file, YamlNode root) {
        List<Issue> issues = new ArrayList<>();
        if (!(root instanceof Mapping document)) {
            // a file that is not a RemoteApp at all is never echoed: its text could be anybody's secret
            String shape = root instanceof Scalar scalar && !scalar.isEmpty() ? "a plain value (not shown)" : root.describe();
            issues.add(new Issue(root.line(), "expected a RemoteApp mapping (apiVersion, kind, metadata, spec), got "
                    + shape));
            return new Outcome(Optional.empty(), Optional.empty(), issues);
        }
        MappingReader top = new MappingReader(document, root.line(), issues);
        top.requiredConstant("apiVersion", API_VERSION);
        top.requiredConstant("kind", KIND);
        Optional<String> name = top.mapping("metadata", true).flatMap(metadata -> {
            Optional<String> value = metadata.requiredText("name", SpecPatterns.NAME);
            metadata.rejectUnknownFields();
            return value;
        });
        Optional<MappingReader> specSection = top.mapping("spec", true);
        top.rejectUnknownFields();
        if (specSection.isEmpty()) {
            return new Outcome(Optional.empty(), Optional.empty(), issues);
        }
        MappingReader spec = specSection.get();
        Optional<String> user = spec.requiredText("user", SpecPatterns.USER);
        Optional<String> image = spec.requiredText("image", SpecPatterns.IMAGE);
        Optional<String> mappingId = spec.optional("mappingId").isPresent()
                ? spec.optionalText("mappingId", SpecPatterns.MAPPING_ID)
                : name;
        Optional<String> baseUrlPath = spec.optionalText("baseUrlPath", SpecPatterns.URL_PATH);
        Optional<String> urlId = spec.optionalText("urlId", SpecPatterns.URL_ID);
        OptionalInt port = spec.integer("containerPort", 1, 65535)
                .map(p -> OptionalInt.of(p.intValue())).orElse(OptionalInt.empty());
        Map<String, VolumeBind> volumes = volumes(spec);
        Map<String, String> environment = environment(spec);
        List<String> command = command(spec);
        Resources resources = resources(spec);
        RestartPolicy restart = spec.choice("restartPolicy", RestartPolicy.class, RestartPolicy.Always);
        PullPolicy pull = spec.choice("imagePullPolicy", PullPolicy.class, PullPolicy.IfNotPresent);
        boolean suspend = spec.bool("suspend").orElse(false);
        Readiness readiness = readiness(spec);
        Optional<Liveness> liveness = liveness(spec);
        Optional<Duration> idleTimeout = spec.optionalText("idleTimeout", SpecPatterns.IDLE_TIMEOUT)
                .map(RemoteAppReader::duration);
        Placement placement = placement(spec);
        spec.rejectUnknownFields();

        Optional<AppKey> key = user.flatMap(u -> mappingId.map(m -> new AppKey(u, m)));
        if (!issues.isEmpty()) {
            return new Outcome(Optional.empty(), key, issues);
        }
        String userName = user.orElseThrow();
        return new Outcome(Optional.of(new AppSpec(name.orElseThrow(), userName, image.orElseThrow(),
                mappingId.orElseThrow(), baseUrlPath.orElse("/user/" + userName), urlId, port, volumes, environment,
                command, resources, restart, pull, suspend, new SpecOrigin(file, name.orElseThrow(), root.line())
                        .withFieldLines(checkedFieldLines(spec)),
                readiness, idleTimeout, placement, liveness)),
                key, issues);
    }

    /** Where the fields the policy judges were written: {@code image}, each {@code volumes[src]}, {@code resources.*}. */
    private static Map<String, Integer> checkedFieldLines(MappingReader spec) {
        Map<String, Integer> lines = new HashMap<>();
        spec.optional("image").ifPresent(node -> lines.put("image", node.line()));
        if (spec.optional("volumes").orElse(null) instanceof Mapping volumes) {
            for (Entry entry : volumes.entries()) {
                lines.put("volumes[" + entry.key() + "]", entry.line());
            }
        }
        if (spec.optional("resources").orElse(null) instanceof Mapping resources) {
            for (Entry entry : resources.entries()) {
                lines.put("resources." + entry.key(), entry.line());
            }
        }
        return lines;
    }

    private static Map<String, VolumeBind> volumes(MappingReader spec) {
        Map<String, VolumeBind> volumes = new LinkedHashMap<>();
        Map<String, String> sourceByTarget = new HashMap<>();
        for (Entry entry : spec.entries("volumes", "a mapping of host path to {bind, mode}")) {
            String field = "volumes[" + entry.key() + "]";
            if (!HOST_PATH.accepts(entry.key())) {
                spec.issue(entry.line(), field, "host source must be " + HOST_PATH.expected());
            }
            spec.asMapping(entry.value(), field, "{bind: <container path>, mode: ro|rw}").ifPresent(mapping -> {
                MappingReader volume = spec.nested(mapping, field, entry.line());
                Optional<String> bind = volume.requiredText("bind", CONTAINER_PATH);
                String mode = volume.optionalText("mode", MODE).orElse("rw");
                volume.rejectUnknownFields();
                bind.ifPresent(target -> {
                    String other = sourceByTarget.putIfAbsent(target, entry.key());
                    if (other != null) {
                        volume.issue(entry.line(), "bind", target + " is already the target of " + other);
                    }
                    volumes.put(entry.key(), new VolumeBind(target, mode));
                });
            });
        }
        return volumes;
    }

    private static Map<String, String> environment(MappingReader spec) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Entry entry : spec.entries("environment", "a mapping of NAME to value")) {
            if (!ENV_NAME.accepts(entry.key())) {
                spec.issue(entry.line(), "environment." + entry.key(), "name must be " + ENV_NAME.expected());
            }
            if (entry.value() instanceof Scalar value && !value.isNull()) {
                environment.put(entry.key(), value.text());
            } else {
                spec.fail(entry.value(), "environment." + entry.key(), "a string");
            }
        }
        return environment;
    }

    private static List<String> command(MappingReader spec) {
        List<String> command = new ArrayList<>();
        for (Item item : items(spec, "command", "a list of strings")) {
            spec.accepted(item.node(), item.field(), "a string", text -> true).ifPresent(command::add);
        }
        return command;
    }

    /** Where a swarm may run the app: constraints as Swarm writes them, and {@code {spread: <attribute>}} preferences. */
    private static Placement placement(MappingReader spec) {
        return spec.mapping("placement", false).map(placement -> {
            Optional<List<String>> constraints = placement.optional("constraints").map(declared -> {
                List<String> accepted = new ArrayList<>();
                for (Item item : items(placement, "constraints", "a list of constraints")) {
                    placement.accepted(item.node(), item.field(), SpecPatterns.CONSTRAINT.expected(),
                            SpecPatterns.CONSTRAINT::accepts).ifPresent(accepted::add);
                }
                return accepted;
            });
            Optional<List<String>> spreads = placement.optional("preferences").map(declared -> {
                List<String> accepted = new ArrayList<>();
                for (Item item : items(placement, "preferences", "a list of {spread: <node attribute or label>}")) {
                    placement.asMapping(item.node(), item.field(), "{spread: <node attribute or label>}").ifPresent(m -> {
                        MappingReader preference = placement.nested(m, item.field(), item.node().line());
                        preference.requiredText("spread", SpecPatterns.SPREAD).ifPresent(accepted::add);
                        preference.rejectUnknownFields();
                    });
                }
                return accepted;
            });
            placement.rejectUnknownFields();
            return new Placement(constraints, spreads);
        }).orElse(Placement.DEFAULTS);
    }

    /** One item of a list field, and its name in messages ({@code command[2]}). */
    private record Item(YamlNode node, String field) {}

    /** The items of an optional list field; none (and an issue) when it holds something else. */
    private static List<Item> items(MappingReader reader, String field, String expected) {
        Optional<YamlNode> declared = reader.optional(field);
        if (declared.isEmpty()) {
            return List.of();
        }
        if (!(declared.get() instanceof Sequence sequence)) {
            reader.fail(declared.get(), field, expected);
            return List.of();
        }
        List<Item> items = new ArrayList<>(sequence.items().size());
        for (int i = 0; i < sequence.items().size(); i++) {
            items.add(new Item(sequence.items().get(i), field + "[" + i + "]"));
        }
        return items;
    }

    private static Resources resources(MappingReader spec) {
        return spec.mapping("resources", false).map(resources -> {
            Optional<Long> memory = resources.optional("memory").flatMap(node -> memoryBytes(resources, node));
            Optional<Double> cpus = resources.positiveNumber("cpus");
            Optional<Long> pids = resources.integer("pids", 1, MAX_PIDS);
            resources.rejectUnknownFields();
            return new Resources(memory, cpus, pids);
        }).orElse(Resources.DEFAULTS);
    }

    private static Readiness readiness(MappingReader spec) {
        return spec.mapping("readiness", false).map(readiness -> {
            Optional<String> path = readiness.optionalText("path", SpecPatterns.READINESS_PATH);
            Optional<Duration> period = readiness.optionalText("period", SpecPatterns.DURATION).map(RemoteAppReader::duration);
            Optional<Duration> timeout = readiness.optionalText("timeout", SpecPatterns.DURATION).map(RemoteAppReader::duration);
            readiness.rejectUnknownFields();
            return new Readiness(path, period, timeout);
        }).orElse(Readiness.DEFAULTS);
    }

    /** The liveness section: present (even empty, {@code liveness: {}}) turns liveness checks on for the app. */
    private static Optional<Liveness> liveness(MappingReader spec) {
        return spec.mapping("liveness", false).map(liveness -> {
            Optional<String> path = liveness.optionalText("path", SpecPatterns.READINESS_PATH);
            Optional<Duration> period = liveness.optionalText("period", SpecPatterns.DURATION).map(RemoteAppReader::duration);
            Optional<Duration> timeout = liveness.optionalText("timeout", SpecPatterns.DURATION).map(RemoteAppReader::duration);
            OptionalInt failureThreshold = liveness.integer("failureThreshold", 1, MAX_FAILURE_THRESHOLD)
                    .map(n -> OptionalInt.of(n.intValue())).orElse(OptionalInt.empty());
            liveness.rejectUnknownFields();
            return new Liveness(path, period, timeout, failureThreshold);
        });
    }

    /** A text {@link SpecPatterns#DURATION} or {@link SpecPatterns#IDLE_TIMEOUT} accepted. */
    private static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'h' -> Duration.ofHours(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** A memory limit Docker accepts, parsed once, else an issue. */
    private static Optional<Long> memoryBytes(MappingReader resources, YamlNode node) {
        long bytes = node instanceof Scalar s && !s.isNull() ? bytes(s.text()) : -1;
        if (bytes >= MIN_MEMORY_BYTES) {
            return Optional.of(bytes);
        }
        resources.fail(node, "memory", "a memory size of at least 6m, such as 512m or 2g");
        return Optional.empty();
    }

    private static long bytes(String text) {
        try {
            return MemorySize.parseBytes(text);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
