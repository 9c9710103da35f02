package io.remoteappmanager.runtime.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.TaskSpec;
import io.remoteappmanager.leader.Lease;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.runtime.NameConflictException;
import io.remoteappmanager.runtime.RuntimeFault;
import io.remoteappmanager.runtime.dockerapi.EngineClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The leader lease of a realm run on a swarm, kept in the swarm itself so that controllers on any node share it: a
 * service of no replicas, {@code <realm>_lease}, whose labels name the holder. Every write names the version it read
 * (Swarm's optimistic concurrency), so of two controllers that claim a free or expired lease at once only one wins.
 * The holder renews every {@link #PERIOD}. Expiry is judged by what a standby observes, never by comparing clocks
 * between hosts: a lease whose version has not moved for {@link #DURATION} on the standby's own clock has lost its
 * holder. A holder stops acting {@link #FENCE} after the start of its last renewal, which is before any standby can
 * have seen its lease stand still for {@link #DURATION}.
 */
final class SwarmLease implements Lease {

    private static final Logger LOG = Logger.getLogger(SwarmLease.class);
    /** How often a standby looks and the holder renews. */
    static final Duration PERIOD = Duration.ofSeconds(1);
    /** How long the holder acts after the start of its last successful renewal. */
    static final Duration FENCE = Duration.ofSeconds(8);
    /** How long a standby sees the lease stand still before it takes it over. */
    static final Duration DURATION = Duration.ofSeconds(12);
    /** Never pulled: a service of no replicas starts no task. */
    private static final String IMAGE = "remoteappmanager/lease:none";

    private final EngineClient engine;
    private final DockerClient docker;
    private final String name;
    private final String leaseKey;
    private final String holderKey;
    private final String realm;
    private final String identity;
    private long seenVersion = -1;
    private long seenAtNanos;

    SwarmLease(EngineClient engine, LabelScheme labels, String identity) {
        this.engine = engine;
        this.docker = engine.docker();
        this.realm = labels.realm();
        this.name = realm + "_lease";
        this.leaseKey = labels.key("lease");
        this.holderKey = labels.key("lease.holder");
        this.identity = identity;
    }

    @Override
    public synchronized Claim claim() {
        Optional<Service> found = engine.unlessNotFound("inspect service " + name,
                () -> docker.inspectServiceCmd(name).exec());
        if (found.isEmpty()) {
            return new Claim(create(), Optional.empty());
        }
        Service lease = found.get();
        long version = lease.getVersion().getIndex();
        long now = System.nanoTime();
        if (version != seenVersion) {
            seenVersion = version;
            seenAtNanos = now;
        }
        Optional<String> holder = holder(lease);
        boolean expired = now - seenAtNanos >= DURATION.toNanos();
        if (holder.isEmpty() || holder.get().equals(identity) || expired) {
            return new Claim(write(lease, identity), holder);
        }
        return new Claim(false, holder);
    }

    @Override
    public Duration period() {
        return PERIOD;
    }

    @Override
    public Optional<Duration> fence() {
        return Optional.of(FENCE);
    }

    @Override
    public String where() {
        return "service " + name;
    }

    /** Names no holder in the lease if this controller holds it, so that a standby takes it on its next look. */
    @Override
    public synchronized void close() {
        try {
            engine.unlessNotFound("inspect service " + name, () -> docker.inspectServiceCmd(name).exec())
                    .filter(lease -> holder(lease).equals(Optional.of(identity)))
                    .ifPresent(lease -> write(lease, ""));
        } catch (RuntimeFault fault) {
            LOG.warnf("could not release the lease %s; a standby takes it %s after its last renewal: %s", where(),
                    DURATION, fault.getMessage());
        }
    }

    private boolean create() {
        Map<String, String> labels = Map.of(leaseKey, realm, holderKey, identity);
        ServiceSpec spec = new ServiceSpec().withName(name).withLabels(labels)
                .withTaskTemplate(new TaskSpec().withContainerSpec(new ContainerSpec().withImage(IMAGE)))
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(0)));
        try {
            engine.call("create service " + name, () -> docker.createServiceCmd(spec).exec());
            return true;
        } catch (NameConflictException another) {
            return false;
        }
    }

    /** Writes {@code holder} into the lease as of the version read; false when another write came first. */
    private boolean write(Service lease, String holder) {
        ServiceSpec spec = lease.getSpec();
        Map<String, String> labels = new HashMap<>(spec.getLabels());
        labels.put(holderKey, holder);
        try {
            engine.run("update service " + name, () -> docker.updateServiceCmd(lease.getId(), spec.withLabels(labels))
                    .withVersion(lease.getVersion().getIndex()).exec());
            return true;
        } catch (RuntimeFault fault) {
            if (String.valueOf(fault.getMessage()).contains("out of sequence")) {
                return false;
            }
            throw fault;
        }
    }

    private Optional<String> holder(Service lease) {
        return Optional.ofNullable(lease.getSpec().getLabels()).map(labels -> labels.get(holderKey))
                .filter(h -> !h.isEmpty());
    }
}
