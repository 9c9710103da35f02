package io.remoteappmanager.app;

import io.remoteappmanager.actuator.ContainerTemplate;
import io.remoteappmanager.api.ApiAccess;
import io.remoteappmanager.api.GitHookResource;
import io.remoteappmanager.api.logs.AppLogs;
import io.remoteappmanager.api.ReconcileResource;
import io.remoteappmanager.config.ConfigCheck;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.health.LoopLiveness;
import io.remoteappmanager.images.ImageCatalog;
import io.remoteappmanager.leader.ControllerIdentity;
import io.remoteappmanager.leader.Leadership;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.notify.NotifySettings;
import io.remoteappmanager.policy.SpecPolicy;
import io.remoteappmanager.secrets.SecretsDirectory;
import io.remoteappmanager.proxy.ChpClient;
import io.remoteappmanager.readiness.ProbeDefaults;
import io.remoteappmanager.runtime.docker.DockerSettings;
import io.remoteappmanager.runtime.dockerapi.EngineSettings;
import io.remoteappmanager.runtime.dockerapi.RegistryAuth;
import io.remoteappmanager.runtime.swarm.SwarmSettings;
import io.remoteappmanager.source.git.GitSettings;
import io.remoteappmanager.spec.MemorySize;
import io.remoteappmanager.status.LeaderState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one translation of {@link RamConfig} into each component's own settings record, so that no component outside
 * {@code app} and {@code config} reads the configuration; {@link io.remoteappmanager.config.ConfigCheck} has checked
 * the values before.
 */
public final class FromConfig {

    private FromConfig() {}

    public static LabelScheme labels(RamConfig config) {
        return new LabelScheme(config.labelPrefix(), config.realm());
    }

    public static ImageCatalog.Settings imageCatalog(RamConfig config) {
        return new ImageCatalog.Settings(config.images().labelPrefix());
    }

    public static EngineSettings engine(RamConfig config) {
        RamConfig.Docker docker = config.docker();
        return new EngineSettings(docker.host(), docker.tlsVerify(), docker.certPath(), docker.apiVersion(),
                docker.callTimeout());
    }

    public static RegistryAuth.Credentials registry(RamConfig config) {
        RamConfig.Registry registry = config.docker().registry();
        return new RegistryAuth.Credentials(registry.server(), registry.username(), registry.password());
    }

    public static DockerSettings docker(RamConfig config) {
        RamConfig.Docker docker = config.docker();
        return new DockerSettings(engine(config), registry(config), labels(config), docker.pullTimeout(),
                config.stopTimeout(), docker.networks(), docker.maxAppsPerNetwork());
    }

    public static SwarmSettings swarm(RamConfig config) {
        return new SwarmSettings(engine(config), registry(config), config.stopTimeout(),
                config.reconcile().initialBackoff(), config.swarm().taskPoll(), config.swarm().requireNoNewPrivileges(),
                labels(config));
    }

    public static ContainerTemplate.Settings template(RamConfig config) {
        RamConfig.Docker docker = config.docker();
        RamConfig.SwarmPlacement placement = config.swarm().placement();
        return new ContainerTemplate.Settings(config.containerPort(), docker.hostIp(), docker.init(), docker.capAdd(),
                docker.defaultMemory(), docker.defaultCpus(), docker.defaultPids(),
                placement.constraints().orElse(List.of()), ConfigCheck.spreads(placement.preferences()));
    }

    public static ProbeDefaults probes(RamConfig config) {
        RamConfig.Readiness readiness = config.readiness();
        RamConfig.Liveness liveness = config.liveness();
        return new ProbeDefaults(
                new ProbeDefaults.Readiness(readiness.enabled(), readiness.path(), readiness.period(),
                        readiness.timeout(), readiness.maxConcurrent()),
                new ProbeDefaults.Liveness(liveness.enabled(), liveness.path(), liveness.period(), liveness.timeout(),
                        liveness.failureThreshold()));
    }

    public static NotifySettings notify(RamConfig config) {
        RamConfig.Notify notify = config.notifications();
        return new NotifySettings(notify.webhooks().stream().map(w -> new NotifySettings.Webhook(w.url(), w.secret(),
                w.phases(), w.name())).toList(), notify.pendingTooLong(), notify.timeout(), notify.rateLimit(),
                notify.ratePeriod(), notify.queueSize(), notify.maxAttempts(), notify.initialBackoff(),
                notify.maxBackoff());
    }

    public static ChpClient.Settings proxy(RamConfig config) {
        RamConfig.Proxy proxy = config.proxy();
        return new ChpClient.Settings(proxy.apiUrl(), proxy.apiToken(), proxy.requestTimeout());
    }

    /** The directory of {@code ram.secrets.dir}, where the apps' secrets are read; empty when it is not set. */
    public static Optional<SecretsDirectory> secrets(RamConfig config) {
        return config.secrets().dir().map(SecretsDirectory::new);
    }

    /** The {@code ram.policy.*} rules every spec source applies. */
    public static SpecPolicy policy(RamConfig config) {
        RamConfig.Policy policy = config.policy();
        return new SpecPolicy(policy.allowedImages(), policy.volumeRoots().orElse(List.of()),
                new SpecPolicy.Ceilings(MemorySize.parseBytes(policy.maxMemory()), policy.maxCpus(), policy.maxPids()));
    }

    /** The settings of {@code ram.git.*}; throws {@link IllegalArgumentException} naming the key that is wrong. */
    public static GitSettings git(RamConfig config) {
        RamConfig.Git git = config.git();
        return new GitSettings(git.url().orElse(null), git.ref(), git.path().orElse(""), git.interval(), git.dir(),
                git.timeout(), git.username(), git.password(), git.sshKey(), git.knownHosts());
    }

    public static ApiAccess.Settings api(RamConfig config) {
        return new ApiAccess.Settings(config.api().token(), config.api().tokenForReads());
    }

    public static AppLogs.Settings logs(RamConfig config) {
        RamConfig.Logs logs = config.logs();
        return new AppLogs.Settings(logs.maxTail(), logs.maxFollowers(), logs.followIdleTimeout());
    }

    public static GitHookResource.Settings gitHook(RamConfig config) {
        return new GitHookResource.Settings(config.source() == RamConfig.SourceKind.GIT, config.git().webhookSecret());
    }

    public static ReconcileResource.Settings reconcileApi(RamConfig config) {
        return new ReconcileResource.Settings(config.health().maxPassDuration());
    }

    /** A new controller's place in the election: taking part or alone, under the next identity of this process. */
    public static LeaderState leaderState(RamConfig config) {
        String self = ControllerIdentity.next();
        return config.leaderElection().enabled() ? LeaderState.initial(true, self) : LeaderState.alone(self);
    }

    /** {@code ram.leader-election.*} for the controller named {@code identity}. */
    public static Leadership.Settings leaderElection(RamConfig config, String identity) {
        return new Leadership.Settings(config.leaderElection().enabled(), identity);
    }

    /** {@code ram.leader-election.lock-file}, or the realm's file in systemd's state directory or the temporary one. */
    public static Path lockFile(RamConfig config) {
        return config.leaderElection().lockFile().orElseGet(() -> Path.of(Optional.ofNullable(
                System.getenv("STATE_DIRECTORY")).orElse(System.getProperty("java.io.tmpdir")))
                .resolve("remoteappmanager-" + config.realm() + ".lock"));
    }

    public static LoopLiveness.Settings liveness(RamConfig config) {
        return new LoopLiveness.Settings(config.health().maxPassDuration());
    }
}
