package io.remoteappmanager.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.ImageInfo;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.runtime.RuntimeEvent;
import io.remoteappmanager.runtime.RuntimeFault;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@link ContainerRuntime} on a Docker engine through docker-java; each method is one API call. */
@ApplicationScoped
public class DockerRuntime implements ContainerRuntime {

    private final DockerClient docker;
    private final MeterRegistry metrics;
    private final RegistryAuth auth;

    DockerRuntime(DockerClient docker, MeterRegistry metrics, RamConfig config) {
        this.docker = docker;
        this.metrics = metrics;
        this.auth = new RegistryAuth(config.docker().registry());
    }

    @Override
    public void ping() {
        call("ping", () -> docker.pingCmd().exec());
    }

    @Override
    public List<RuntimeContainer> list(Map<String, String> labels) {
        List<Container> containers = call("list", () ->
                docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec());
        return containers.stream().map(DockerMapping::fromListing).toList();
    }

    @Override
    public Optional<RuntimeContainer> inspect(String idOrName) {
        return unlessNotFound("inspect", () -> DockerMapping.fromInspect(docker.inspectContainerCmd(idOrName).exec()));
    }

    @Override
    public String create(ContainerRequest request) {
        return call("create " + request.name(), () -> {
            try (CreateContainerCmd cmd = DockerMapping.createCommand(docker, request)) {
                return cmd.exec().getId();
            }
        });
    }

    @Override
    public void start(String id) {
        // 304: already started, which is what the caller wants.
        try {
            call("start " + id, () -> docker.startContainerCmd(id).exec());
        } catch (RuntimeFault fault) {
            if (!(fault.getCause() instanceof NotModifiedException)) {
                throw fault;
            }
        }
    }

    @Override
    public void stop(String id, Duration timeout) {
        // 304: already stopped; 404: already gone. Both are the state the caller wants.
        try {
            call("stop " + id, () -> docker.stopContainerCmd(id).withTimeout((int) timeout.toSeconds()).exec());
        } catch (RuntimeFault fault) {
            if (!(fault.getCause() instanceof NotModifiedException)) {
                unlessNotFound(fault);
            }
        }
    }

    @Override
    public void remove(String id) {
        unlessNotFound("remove " + id, () -> docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec());
    }

    @Override
    public Optional<ImageInfo> image(String idOrReference) {
        return unlessNotFound("image", () -> docker.inspectImageCmd(idOrReference).exec()).map(image -> {
            Map<String, String> labels = image.getConfig() == null || image.getConfig().getLabels() == null
                    ? Map.of() : image.getConfig().getLabels();
            List<String> tags = image.getRepoTags() == null ? List.of() : image.getRepoTags();
            return new ImageInfo(image.getId(), tags, labels);
        });
    }

    @Override
    public void pull(String reference) {
        ImageReference ref = ImageReference.parse(reference);
        call("pull " + reference, () -> {
            try {
                PullImageCmd pull = docker.pullImageCmd(ref.repository()).withTag(ref.tag());
                auth.forImage(reference).ifPresent(pull::withAuthConfig);
                return pull.exec(new PullImageResultCallback()).awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pulling " + reference, e);
            }
        });
    }

    @Override
    public Closeable events(Map<String, String> labels, Consumer<RuntimeEvent> onEvent, Consumer<Throwable> onError) {
        return call("events", () -> docker.eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withLabelFilter(labels)
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event event) {
                        onEvent.accept(DockerMapping.fromEvent(event));
                    }

                    @Override
                    public void onError(Throwable error) {
                        onError.accept(error);
                    }

                    @Override
                    public void onComplete() {
                        onError.accept(new RuntimeFault("Docker event stream ended"));
                    }
                }));
    }

    /** The call's answer, or empty when the engine says the object does not exist (404). */
    private <T> Optional<T> unlessNotFound(String operation, Supplier<T> body) {
        try {
            return Optional.ofNullable(call(operation, body));
        } catch (RuntimeFault fault) {
            unlessNotFound(fault);
            return Optional.empty();
        }
    }

    private static void unlessNotFound(RuntimeFault fault) {
        if (!(fault.getCause() instanceof NotFoundException)) {
            throw fault;
        }
    }

    private <T> T call(String operation, Supplier<T> body) {
        metrics.counter("ram.docker.api.calls", "operation", operation.split(" ", 2)[0]).increment();
        try {
            return body.get();
        } catch (RuntimeFault fault) {
            throw fault;
        } catch (RuntimeException e) {
            throw DockerFaults.translate(operation, e);
        }
    }

    private void call(String operation, Runnable body) {
        call(operation, () -> {
            body.run();
            return null;
        });
    }
}
