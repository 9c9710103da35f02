package io.remoteappmanager.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.LogContainerCmd;
import io.remoteappmanager.runtime.LogQuery;
import io.remoteappmanager.runtime.LogStream;
import io.remoteappmanager.runtime.LogsNotFoundException;
import io.remoteappmanager.runtime.dockerapi.EngineClient;
import io.remoteappmanager.runtime.dockerapi.LogFrames;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads a container's output on one engine. The controller starts a crashed container again rather than making a new
 * one, so one container holds the output of every run: the current run is what it wrote since its last start, and
 * the previous what it wrote before that, every earlier run (to the second: the engine filters by whole seconds).
 */
final class ContainerLogs {

    private final EngineClient engine;
    private final DockerClient docker;

    ContainerLogs(EngineClient engine) {
        this.engine = engine;
        this.docker = engine.docker();
    }

    LogStream open(String id, LogQuery query) {
        InspectContainerResponse container = engine.unlessNotFound("inspect " + id,
                () -> docker.inspectContainerCmd(id).exec())
                .orElseThrow(() -> new LogsNotFoundException("container " + id + " no longer exists"));
        int started = seconds(startedAt(container));
        int since = query.since().map(ContainerLogs::seconds).orElse(0);
        String operation = "logs " + id;
        LogContainerCmd cmd = docker.logContainerCmd(id).withStdOut(true).withStdErr(true);
        if (query.previous()) {
            // the engine tails before it filters by time, so it would tail the current run: the tail is kept here
            LogContainerCmd before = cmd.withTailAll().withUntil(started).withSince(since);
            return LogFrames.open(engine, operation, query.tail(), before::exec);
        }
        LogContainerCmd current = cmd.withTail(query.tail()).withSince(Math.max(since, started))
                .withFollowStream(query.follows());
        return LogFrames.open(engine, operation, 0, current::exec);
    }

    private static Instant startedAt(InspectContainerResponse container) {
        try {
            String text = container.getState() == null ? null : container.getState().getStartedAt();
            return text == null ? Instant.EPOCH : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    /** The engine's filters take whole seconds since the epoch; 0 means none. */
    private static int seconds(Instant at) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, at.getEpochSecond()));
    }
}
