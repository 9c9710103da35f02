package io.remoteappmanager.spec;

import io.remoteappmanager.model.AppSpec.PullPolicy;
import io.remoteappmanager.model.AppSpec.RestartPolicy;
import io.remoteappmanager.model.AppSpec.SecretDelivery;
import io.remoteappmanager.spec.ScalarRule.AnyText;
import io.remoteappmanager.spec.ScalarRule.Choice;
import io.remoteappmanager.spec.ScalarRule.Constant;
import io.remoteappmanager.spec.ScalarRule.Flag;
import io.remoteappmanager.spec.ScalarRule.Memory;
import io.remoteappmanager.spec.ScalarRule.Positive;
import io.remoteappmanager.spec.ScalarRule.Span;
import io.remoteappmanager.spec.ScalarRule.Text;
import io.remoteappmanager.spec.ScalarRule.Whole;
import io.remoteappmanager.spec.SpecPatterns.TextRule;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The RemoteApp format's fields and their rules, the one place a field is added: {@link RemoteAppReader} reads documents
 * by it, and config/remoteapp.schema.json, the schema editors use, is generated from it (a test fails when they differ).
 */
final class RemoteAppFormat {

    /** Docker refuses memory limits below 6 MiB; saying so here beats a failed create later. */
    static final long MIN_MEMORY_BYTES = 6L << 20;
    /** Linux's highest possible pid_max. */
    static final long MAX_PIDS = 1L << 22;
    /** Failed liveness checks in a row before an app is recreated: beyond this, it would never be. */
    static final long MAX_FAILURE_THRESHOLD = 100;
    static final TextRule MODE = new TextRule(Pattern.compile("r[ow]"), 2, "ro or rw");
    static final String SPREAD_ITEM = "{spread: <node attribute or label>}";

    static final Field<String> API_VERSION = Field.required("apiVersion", new Constant("remoteappmanager/v1"), null);
    static final Field<String> KIND = Field.required("kind", new Constant("RemoteApp"), null);
    static final Field<String> NAME = Field.required("name", new Text(SpecPatterns.NAME),
            "Unique in the directory; a lowercase DNS label.");
    static final Field<Values> METADATA = Field.required("metadata", new Section(NAME), null);

    static final Field<String> USER = Field.required("user", new Text(SpecPatterns.USER),
            "The owner; the part before @ becomes USER in the container.");
    static final Field<String> IMAGE = Field.required("image", new Text(SpecPatterns.IMAGE),
            "Image reference, [registry[:port]/]path[:tag][@digest].");
    static final Field<String> MAPPING_ID = Field.optional("mappingId", new Text(SpecPatterns.MAPPING_ID),
            "Default: metadata.name. (user, mappingId) is the app's identity.");
    static final Field<String> BASE_URL_PATH = Field.optional("baseUrlPath", new Text(SpecPatterns.URL_PATH),
            "Default: /user/<user>. The app is served at <baseUrlPath>/containers/<urlId>.");
    static final Field<String> URL_ID = Field.optional("urlId", new Text(SpecPatterns.URL_ID),
            "Default: 32 random hex characters, kept across recreates.");
    static final Field<Long> CONTAINER_PORT = Field.optional("containerPort", new Whole(1, 65535),
            "Default: ram.container-port (8888).");

    static final Field<String> BIND = Field.required("bind", new Text(SpecPatterns.CONTAINER_PATH), null);
    static final Field<String> BIND_MODE = Field.optional("mode", new Text(MODE), "rw", null);
    static final Field<List<MapOf.Entry<Values>>> VOLUMES = Field.optional("volumes", new MapOf<>(SpecPatterns.HOST_PATH,
                    "host source must be", true, new Section("{bind: <container path>, mode: ro|rw}", BIND, BIND_MODE),
                    "a mapping of host path to {bind, mode}"),
            "Host source path -> {bind: container path, mode: ro|rw}, as the seed's format.");
    static final Field<List<MapOf.Entry<String>>> ENVIRONMENT = Field.optional("environment",
            new MapOf<>(SpecPatterns.ENV_NAME, "name must be", false, new AnyText(), "a mapping of NAME to value"),
            "Variables for the container; JPY_USER, JPY_BASE_USER_URL, USER and URL_ID are set by the controller and win.");
    static final Field<String> SECRET_FILE = Field.required("file", new Text(SpecPatterns.SECRET_NAME), null);
    static final Field<SecretDelivery> SECRET_AS = Field.optional("as", new Choice<>(SecretDelivery.class),
            SecretDelivery.env, null);
    static final Field<List<MapOf.Entry<Values>>> SECRETS = Field.optional("secrets", new MapOf<>(SpecPatterns.ENV_NAME,
                    "name must be", false, new Shorthand(new Section("{file: <name in ram.secrets.dir>, as: env|file}",
                            SECRET_FILE, SECRET_AS), SECRET_FILE), "a mapping of NAME to a secret's file name or {file, as}"),
            "NAME -> a file in ram.secrets.dir (or {file, as: env|file}): as env, NAME holds the file's content; as file,"
                    + " the content is at /run/secrets/<file> and NAME holds that path. Only a digest of the content is"
                    + " ever shown; a changed file recreates the app.");
    static final Field<List<String>> COMMAND = Field.optional("command", new ListOf<>(new AnyText(), "a list of strings"), null);

    static final Field<Long> MEMORY = Field.optional("memory",
            new Memory(MIN_MEMORY_BYTES, "a memory size of at least 6m, such as 512m or 2g"), "At least 6m: 512m, 2g, 1073741824.");
    static final Field<Double> CPUS = Field.optional("cpus", new Positive(), null);
    static final Field<Long> PIDS = Field.optional("pids", new Whole(1, MAX_PIDS), null);
    static final Field<Values> RESOURCES = Field.optional("resources", new Section(MEMORY, CPUS, PIDS),
            "Defaults: ram.docker.default-memory, default-cpus, default-pids.");

    static final Field<RestartPolicy> RESTART_POLICY = Field.optional("restartPolicy", new Choice<>(RestartPolicy.class),
            RestartPolicy.Always, null);
    static final Field<PullPolicy> IMAGE_PULL_POLICY = Field.optional("imagePullPolicy", new Choice<>(PullPolicy.class),
            PullPolicy.IfNotPresent, null);
    static final Field<Boolean> SUSPEND = Field.optional("suspend", new Flag(), false,
            "true: leave this app's container exactly as it is.");

    static final Field<String> PROBE_PATH = Field.optional("path", new Text(SpecPatterns.READINESS_PATH), null);
    static final Field<Duration> PROBE_PERIOD = Field.optional("period", new Span(SpecPatterns.DURATION), null);
    static final Field<Duration> PROBE_TIMEOUT = Field.optional("timeout", new Span(SpecPatterns.DURATION), null);
    static final Field<Long> FAILURE_THRESHOLD = Field.optional("failureThreshold", new Whole(1, MAX_FAILURE_THRESHOLD), null);
    static final Field<Values> READINESS = Field.optional("readiness", new Section(PROBE_PATH, PROBE_PERIOD, PROBE_TIMEOUT),
            "When the app counts as ready for traffic (its route is added): an answer below 500 on path."
                    + " Defaults from ram.readiness.*.");
    static final Field<Values> LIVENESS = Field.optional("liveness",
            new Section(PROBE_PATH, PROBE_PERIOD, PROBE_TIMEOUT, FAILURE_THRESHOLD),
            "Checks that the app still answers once ready (present, even empty: on); failureThreshold failed checks in a"
                    + " row, or its image's HEALTHCHECK saying unhealthy, recreate it. Defaults from ram.liveness.*.");
    static final Field<Duration> IDLE_TIMEOUT = Field.optional("idleTimeout", new Span(SpecPatterns.IDLE_TIMEOUT),
            "Stop the app (keeping its container) after this long without a request through the proxy; the next request"
                    + " starts it again. Default: ram.cull.idle-timeout (off).");

    static final Field<List<String>> CONSTRAINTS = Field.optional("constraints",
            new ListOf<>(new Text(SpecPatterns.CONSTRAINT), "a list of constraints"), null);
    static final Field<String> SPREAD = Field.required("spread", new Text(SpecPatterns.SPREAD), null);
    static final Field<List<Values>> PREFERENCES = Field.optional("preferences",
            new ListOf<>(new Section(SPREAD_ITEM, SPREAD), "a list of " + SPREAD_ITEM), null);
    static final Field<Values> PLACEMENT = Field.optional("placement", new Section(CONSTRAINTS, PREFERENCES),
            "Where a swarm may run the app (ram.runtime=swarm), passed to Swarm as written; a single engine ignores it."
                    + " A list left out takes ram.swarm.placement.*.");

    static final Field<Values> SPEC = Field.required("spec", new Section(USER, IMAGE, MAPPING_ID, BASE_URL_PATH, URL_ID,
            CONTAINER_PORT, VOLUMES, ENVIRONMENT, SECRETS, COMMAND, RESOURCES, RESTART_POLICY, IMAGE_PULL_POLICY, SUSPEND, READINESS,
            LIVENESS, IDLE_TIMEOUT, PLACEMENT), null);

    /** A whole document. */
    static final Section DOCUMENT = new Section("a RemoteApp mapping (apiVersion, kind, metadata, spec)",
            API_VERSION, KIND, METADATA, SPEC);

    private RemoteAppFormat() {}
}
