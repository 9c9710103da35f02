package io.remoteappmanager.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The controller's whole configuration, typed and defaulted in one place; docs/configuration.md is generated from it
 * (scripts/config-doc.sh), so the Javadoc here is what operators read.
 */
@ConfigMapping(prefix = "ram")
public interface RamConfig {

    /** Realm label value: the controller sees and touches only containers carrying it. */
    @WithDefault("remoteexec")
    String realm();

    /** Prefix of every label key the controller writes and reads. */
    @WithName("label-prefix")
    @WithDefault("remoteappmanager.")
    String labelPrefix();

    /** Port the web app listens on inside its container. */
    @WithName("container-port")
    @WithDefault("8888")
    int containerPort();

    /** How long a container gets to stop after SIGTERM before it is killed. */
    @WithName("stop-timeout")
    @WithDefault("10s")
    Duration stopTimeout();

    /** Where desired state comes from: {@code directory} ({@code ram.specs.*}) or {@code git} ({@code ram.git.*}). */
    @WithDefault("directory")
    SourceKind source();

    /**
     * What runs the apps: {@code docker} (containers on the one engine of {@code ram.docker.host}) or {@code swarm}
     * (services on the swarm whose manager {@code ram.docker.host} names; see docs/swarm.md).
     */
    @WithDefault("docker")
    RuntimeKind runtime();

    Specs specs();

    Git git();

    Reconcile reconcile();

    Prune prune();

    Docker docker();

    Swarm swarm();

    Proxy proxy();

    Readiness readiness();

    Liveness liveness();

    Images images();
    Cull cull();

    Api api();

    Logs logs();

    Health health();

    Policy policy();

    Secrets secrets();

    /** {@code ram.notify.*} (not {@code notify()}: that is {@link Object#notify()}). */
    @WithName("notify")
    Notify notifications();

    /** {@code ram.leader-election.*}: one acting controller per realm among several. */
    @WithName("leader-election")
    LeaderElection leaderElection();

    /**
     * Secrets from files: a spec's {@code secrets} name files in one directory, whose content reaches the app (as an
     * environment variable or a file at {@code /run/secrets/<name>}) and never a spec, status, log or event.
     */
    interface Secrets {
        /**
         * The directory of the secret files (a Docker or Swarm secrets mount, a Kubernetes secret volume, or a folder
         * only the controller's user can read). Unset: an app that names a secret is Invalid.
         */
        Optional<Path> dir();
    }

    /** Where the spec files live. */
    interface Specs {
        /** The spec directory. */
        @WithDefault("config/specs")
        Path dir();

        /** Quiet time after a file event before a pass runs, so a burst of writes is one pass. */
        @WithDefault("150ms")
        Duration debounce();
    }

    /** The kinds of runtime. */
    enum RuntimeKind {
        DOCKER, SWARM
    }

    /** The kinds of spec source. */
    enum SourceKind {
        DIRECTORY, GIT
    }

    /**
     * A git repository as the spec source ({@code ram.source=git}): the specs of one commit of one ref, fetched into a
     * local bare repository. Credentials here are never logged or shown. See docs/gitops.md.
     */
    interface Git {
        /**
         * The spec repository: {@code https://}, {@code http://}, {@code ssh://} (or {@code user@host:path}),
         * {@code git://} or {@code file://}; required with {@code ram.source=git}.
         */
        Optional<String> url();

        /** A branch, a tag, a full ref name or a full commit id. */
        @WithDefault("main")
        String ref();

        /** The folder of specs inside the repository (same file rules as the directory); absent means its root. */
        Optional<String> path();

        /** How often the remote is asked whether the ref moved (a webhook asks at once). */
        @WithDefault("1m")
        Duration interval();

        /** Where the local bare repository lives (a cache: losing it costs one full fetch); one per controller. */
        @WithDefault("${java.io.tmpdir}/remoteappmanager-git")
        Path dir();

        /** How long one fetch may wait on the network (connect, each read) before it fails. */
        @WithDefault("30s")
        Duration timeout();

        /** User for https; with only a password (a token), {@code git} is sent. */
        Optional<String> username();

        /** Password or access token for https. */
        Optional<String> password();

        /** Private key file (OpenSSH format, no passphrase) for ssh URLs. */
        @WithName("ssh-key")
        Optional<Path> sshKey();

        /** known_hosts file that must hold the ssh server's host key; an unknown key is refused. */
        @WithName("known-hosts")
        Optional<Path> knownHosts();

        /** Shared secret of {@code POST /api/v1/hooks/git} (HMAC-SHA256 key, or GitLab's token); none disables it. */
        @WithName("webhook-secret")
        Optional<String> webhookSecret();
    }

    /** How often and how widely the reconcile loop works. */
    interface Reconcile {
        /** The periodic full resync: a pass runs at least this often. */
        @WithDefault("30s")
        Duration interval();

        /** Apps acted on at once. */
        @WithDefault("8")
        int parallelism();

        /** First retry delay after a failed action or a crash; doubles up to {@link #maxBackoff()}. */
        @WithName("initial-backoff")
        @WithDefault("10s")
        Duration initialBackoff();

        /** The longest retry delay. */
        @WithName("max-backoff")
        @WithDefault("5m")
        Duration maxBackoff();

        /**
         * The slow resync of the observed state: a full listing of the realm even while the engine's event stream
         * looks healthy (it is also listed whenever the stream reconnects).
         */
        @WithName("relist-interval")
        @WithDefault("10m")
        Duration relistInterval();

        /**
         * How many running apps may be out of service at once while they are recreated for a changed config: a
         * percentage of the apps ({@code 10%}) or a number; at least one.
         */
        @WithName("max-disruptions")
        @WithDefault("10%")
        String maxDisruptions();
    }

    /** When the controller may remove containers whose spec is gone. */
    interface Prune {
        /** Whether an empty or missing spec directory may remove every running app. */
        @WithName("allow-empty")
        @WithDefault("false")
        boolean allowEmpty();
    }

    /** How to reach the Docker engine and how containers are published on it. */
    interface Docker {
        /** Engine address; when absent, DOCKER_HOST, else {@code unix:///var/run/docker.sock}. */
        Optional<String> host();

        /** Host address the container port is published on; loopback so only the proxy reaches it. */
        @WithName("host-ip")
        @WithDefault("127.0.0.1")
        String hostIp();

        /** TLS to the engine. */
        @WithName("tls-verify")
        @WithDefault("false")
        boolean tlsVerify();

        /** Client certificates for TLS. */
        @WithName("cert-path")
        Optional<String> certPath();

        /** Pins the engine API version; absent: negotiated. */
        @WithName("api-version")
        Optional<String> apiVersion();

        /** How long one engine call may take before it fails its action (and, for a ping, makes readiness down). */
        @WithName("call-timeout")
        @WithDefault("30s")
        Duration callTimeout();

        /** How long one image pull may take before it fails its action. */
        @WithName("pull-timeout")
        @WithDefault("10m")
        Duration pullTimeout();

        /** Run containers with the engine's init, which forwards signals and reaps zombies. */
        @WithDefault("true")
        boolean init();

        /** Memory limit of a spec that sets none. */
        @WithName("default-memory")
        @WithDefault("512m")
        String defaultMemory();

        /** CPU limit of a spec that sets none. */
        @WithName("default-cpus")
        @WithDefault("1.0")
        double defaultCpus();

        /** Process limit of a spec that sets none. */
        @WithName("default-pids")
        @WithDefault("512")
        long defaultPids();

        /** Linux capabilities kept after dropping all of them. */
        @WithName("cap-add")
        @WithDefault("CHOWN,SETUID,SETGID,DAC_OVERRIDE,FOWNER,KILL,NET_BIND_SERVICE")
        List<String> capAdd();

        /**
         * The bridge networks apps are placed on, comma-separated, each app on one by a stable rule; {@code bridge} is
         * the engine's default bridge, any other name a network the controller creates (labelled with the realm) when
         * missing (see docs/operations.md, Networks).
         */
        @WithDefault("bridge")
        List<String> networks();

        /**
         * The most containers (counting every container on it, of every realm, and any other) a network may hold
         * before new apps go to the next one: 1 to 1023, the most a Linux bridge holds.
         */
        @WithName("max-apps-per-network")
        @WithDefault("1000")
        int maxAppsPerNetwork();

        /** Credentials for pulls from one private registry. */
        Registry registry();
    }

    /**
     * Swarm mode ({@code ram.runtime=swarm}): each app is a one-replica service on the swarm whose manager
     * {@code ram.docker.host} names; {@code ram.docker.*} still sets the connection, limits, capabilities and init.
     */
    interface Swarm {
        /** How often the task list is read: task state changes (a move, a crash) emit no event of their own. */
        @WithName("task-poll")
        @WithDefault("2s")
        Duration taskPoll();

        /** Where apps may run when their spec says nothing; a spec's own list replaces the default one. */
        SwarmPlacement placement();

        /**
         * Refuse to launch on a swarm whose API cannot set no-new-privileges on services (before API 1.44, Docker 25),
         * rather than run apps without it; false accepts that, with a warning.
         */
        @WithName("require-no-new-privileges")
        @WithDefault("true")
        boolean requireNoNewPrivileges();
    }

    /** Default placement of every app on a swarm. */
    interface SwarmPlacement {
        /** Swarm constraints, comma-separated, such as {@code node.role == worker} or {@code node.labels.class == student}. */
        Optional<List<String>> constraints();

        /** Spread preferences, comma-separated, as Swarm's command line writes them: {@code spread=node.labels.zone}. */
        Optional<List<String>> preferences();
    }

    /**
     * Basic-auth credentials sent with pulls of images whose reference starts with {@code server/}
     * ({@code ram.docker.registry.server}, {@code .username}, {@code .password}); none by default.
     */
    interface Registry {
        /** The registry host as image references name it, e.g. {@code registry.example.org:5000}. */
        Optional<String> server();

        /** The user sent with pulls from {@code server}; without it no credentials are sent. */
        Optional<String> username();

        /** The password sent with {@code username}. */
        Optional<String> password();
    }

    /**
     * What a spec may ask for (checked when specs are read; a spec breaking it is invalid). Globs: {@code *}
     * and {@code ?} stay within one {@code /}-separated part of an image reference, {@code **} crosses parts.
     */
    interface Policy {
        /** Glob patterns of the image references a spec may name, matched against the text of spec.image. */
        @WithName("allowed-images")
        @WithDefault("**")
        List<String> allowedImages();

        /**
         * Host directories under which volume sources must lie, after symlinks and {@code ..} are resolved; none means
         * no host volume at all. {@code /}, {@code /etc}, {@code /proc}, {@code /sys}, {@code /dev}, {@code /run},
         * {@code /var/run}, {@code /var/lib/docker}, {@code /boot} and any {@code *.sock} are always refused.
         */
        @WithName("volume-roots")
        Optional<List<String>> volumeRoots();

        /** The most memory a spec may ask for. */
        @WithName("max-memory")
        @WithDefault("4g")
        String maxMemory();

        /** The most CPUs a spec may ask for. */
        @WithName("max-cpus")
        @WithDefault("2")
        double maxCpus();

        /** The most processes a spec may ask for. */
        @WithName("max-pids")
        @WithDefault("4096")
        long maxPids();
    }

    /** The reverse proxy (configurable-http-proxy) whose routes the controller keeps in step; off without an API URL (see docs/proxy.md). */
    interface Proxy {
        /** CHP's REST API, such as {@code http://127.0.0.1:8001}; when absent no route is ever touched. */
        @WithName("api-url")
        Optional<String> apiUrl();

        /** CHP's API token; when absent, the environment variable CONFIGPROXY_AUTH_TOKEN, as CHP itself reads. */
        @WithName("api-token")
        Optional<String> apiToken();

        /** How long one call to CHP's API may take before it counts as an error. */
        @WithName("request-timeout")
        @WithDefault("5s")
        Duration requestTimeout();
    }

    /** When a started app counts as ready for traffic: its web server answers below 500 on a path. */
    interface Readiness {
        /** false: an app is ready as soon as its container runs. */
        @WithDefault("true")
        boolean enabled();

        /** Path probed on the app's host port; {@code {urlpath}} stands for the app's urlpath. */
        @WithDefault("{urlpath}/")
        String path();

        /** Pause between two probes. */
        @WithDefault("100ms")
        Duration period();

        /** An app not ready this long after its start is removed and retried with back-off. */
        @WithDefault("30s")
        Duration timeout();

        /** Probe requests in flight at once; the others wait their turn (a thousand apps starting together). */
        @WithName("max-concurrent")
        @WithDefault("32")
        int maxConcurrent();
    }

    /**
     * Whether a running app still answers, checked after it became ready: off unless {@code enabled} or the app's
     * spec has a {@code liveness} section; then a probe that fails {@code failure-threshold} times in a row, or the
     * image's own HEALTHCHECK saying unhealthy, makes the app Unhealthy: its route goes and it is recreated.
     */
    interface Liveness {
        /**
         * true: every app is checked; false: only apps whose spec has a {@code liveness} section. These keys are the
         * defaults of {@code spec.liveness}.
         */
        @WithDefault("false")
        boolean enabled();

        /** Path probed on the app's host port; {@code {urlpath}} stands for the app's urlpath. */
        @WithDefault("{urlpath}/")
        String path();

        /** Pause between two checks. */
        @WithDefault("10s")
        Duration period();

        /** How long one check may wait for its answer. */
        @WithDefault("1s")
        Duration timeout();

        /** Failed checks in a row (no answer in time, or 500 and above) that make the app Unhealthy. */
        @WithName("failure-threshold")
        @WithDefault("3")
        int failureThreshold();
    }

    /**
     * Images: a tag that names new content in its registry reaches the apps that pull it Always, and an image's labels
     * describe its app.
     */
    interface Images {
        /**
         * How often each imagePullPolicy Always app's registry is asked which digest its image's tag names, such as
         * {@code 5m}; absent (the default) never asks (see docs/operations.md, Image updates).
         */
        @WithName("check-interval")
        Optional<Duration> checkInterval();

        /**
         * Where the labels begin in which an image describes its app ({@code ui_name}, {@code icon_128},
         * {@code description}, {@code type}, {@code env.<name>}), shown by the API and the dashboard (see docs/api.md,
         * App metadata).
         */
        @WithName("label-prefix")
        @WithDefault("eu.simphony-project.docker.")
        String labelPrefix();
    }

    /**
     * Idle culling: an app whose route carried no request for its idle timeout is stopped (kept) and its route leads
     * to the controller's wake page, which starts it again. Needs {@code ram.proxy.api-url}: the proxy says who is idle. See docs/culling.md.
     */
    interface Cull {
        /** The idle timeout of apps whose spec sets no {@code idleTimeout}; absent (the default): they are never culled. */
        @WithName("idle-timeout")
        Optional<Duration> idleTimeout();

        /** How often the proxy is asked which routes have been quiet; an app is stopped at most this long after its timeout. */
        @WithName("check-interval")
        @WithDefault("1m")
        Duration checkInterval();

        /**
         * Where the proxy reaches this controller's HTTP server (its API and its wake page at {@code /wake}); an idle
         * app's route leads to {@code <controller-url>/wake}.
         */
        @WithName("controller-url")
        @WithDefault("http://127.0.0.1:${quarkus.http.port:8080}")
        String controllerUrl();
    }

    /** Who may use the REST API under /api/v1. */
    interface Api {
        /** When set, requests need {@code Authorization: Bearer <token>}; POSTs always, GETs per {@link #tokenForReads()}. */
        Optional<String> token();

        /** Whether GET requests need the token too (when one is set). */
        @WithName("token-for-reads")
        @WithDefault("true")
        boolean tokenForReads();
    }

    /** Limits of reading apps' output through {@code GET /api/v1/apps/{name}/logs}. */
    interface Logs {
        /** The most lines one request may ask for ({@code tail}), and how many it gets when it names none. */
        @WithName("max-tail")
        @WithDefault("10000")
        int maxTail();

        /** The most requests that follow an app's output ({@code follow=true}) at once; one more is refused with 429. */
        @WithName("max-followers")
        @WithDefault("16")
        int maxFollowers();

        /** A logs request that has received no new line for this long is ended (the client may ask again). */
        @WithName("follow-idle-timeout")
        @WithDefault("5m")
        Duration followIdleTimeout();
    }

    /** When the health checks call the controller unhealthy. */
    interface Health {
        /** A pass running longer than this makes liveness fail (the loop is stuck); also how long {@code POST /api/v1/reconcile} waits. */
        @WithName("max-pass-duration")
        @WithDefault("5m")
        Duration maxPassDuration();
    }

    /**
     * Webhooks told when an app gets into or out of trouble, when the engine goes away or comes back, and when a
     * spec problem appears or clears; nothing is sent without a webhook. See docs/notifications.md.
     */
    interface Notify {
        /** The receivers, {@code ram.notify.webhooks[N].*}; each gets every event its filter lets through. */
        List<Webhook> webhooks();

        /** An app Pending this long gets a {@code PendingTooLong} event, once per stay in Pending. */
        @WithName("pending-too-long")
        @WithDefault("5m")
        Duration pendingTooLong();

        /** How long one delivery may take (connect, send, answer) before it counts as failed. */
        @WithDefault("10s")
        Duration timeout();

        /** At most this many requests to one webhook per {@link #ratePeriod()}; the others wait their turn. */
        @WithName("rate-limit")
        @WithDefault("30")
        int rateLimit();

        /** The window of {@link #rateLimit()}. */
        @WithName("rate-period")
        @WithDefault("1m")
        Duration ratePeriod();

        /** Events waiting for one webhook; when full, the oldest is dropped (and counted). */
        @WithName("queue-size")
        @WithDefault("1000")
        int queueSize();

        /** Tries of one event before it is dropped (and counted). */
        @WithName("max-attempts")
        @WithDefault("10")
        int maxAttempts();

        /** First pause after a failed try; doubles up to {@link #maxBackoff()}. */
        @WithName("initial-backoff")
        @WithDefault("1s")
        Duration initialBackoff();

        /** The longest pause between two tries. */
        @WithName("max-backoff")
        @WithDefault("1m")
        Duration maxBackoff();
    }

    /** One receiver of notifications: a URL that takes a JSON POST. */
    interface Webhook {
        /** http or https URL; it is never logged or shown beyond its scheme, host and port. */
        String url();

        /** When set, each request is signed: HMAC-SHA256 of the timestamp and the body under this secret. */
        Optional<String> secret();

        /** Only app events into or out of these phases ({@code PendingTooLong} too); engine and problem events always. */
        Optional<List<String>> phases();

        /** The name in metrics ({@code sink}) and logs; {@code webhook-N} by default. */
        Optional<String> name();
    }

    /**
     * One controller of a realm acts at a time: the leader creates, starts, stops and removes, writes routes, culls,
     * checks images and notifies; the others (standbys) follow the engine, serve the read API and the dashboard, and
     * take over when the leader dies. See the README, Leader election.
     */
    interface LeaderElection {
        /** false: this controller acts without asking (run only one per realm then). */
        @WithDefault("true")
        boolean enabled();

        /**
         * The file whose exclusive lock is the realm's lease (its content names the leader); every controller of the
         * realm on this host must name the same file. Absent: {@code remoteappmanager-<realm>.lock} in systemd's
         * state directory ({@code $STATE_DIRECTORY}) when there is one, else in the temporary directory.
         */
        @WithName("lock-file")
        Optional<Path> lockFile();
    }
}
