package io.remoteappmanager.runtime.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.LogSwarmObjectCmd;
import com.github.dockerjava.api.model.Task;
import io.remoteappmanager.runtime.LogQuery;
import io.remoteappmanager.runtime.LogStream;
import io.remoteappmanager.runtime.LogsNotFoundException;
import io.remoteappmanager.runtime.dockerapi.EngineClient;
import io.remoteappmanager.runtime.dockerapi.LogFrames;
import java.util.List;

/**
 * Reads a service's output through the swarm's manager, which fetches it from whichever node ran each task: the
 * current output is the service's logs (those of every task the swarm keeps, as {@code docker service logs} shows
 * them, followed across task replacements), the previous run the logs of the task before the current one.
 */
final class ServiceLogs {

    private final EngineClient engine;
    private final DockerClient docker;

    ServiceLogs(EngineClient engine) {
        this.engine = engine;
        this.docker = engine.docker();
    }

    LogStream open(String serviceId, LogQuery query) {
        LogSwarmObjectCmd cmd;
        String operation;
        if (query.previous()) {
            List<Task> tasks = engine.call("list tasks " + serviceId,
                    () -> docker.listTasksCmd().withServiceFilter(serviceId).exec());
            Task before = SwarmMapping.previous(tasks).orElseThrow(() -> new LogsNotFoundException("service "
                    + serviceId + " has no task before its current one that the swarm still keeps"));
            operation = "logs task " + before.getId();
            cmd = docker.logTaskCmd(before.getId());
        } else {
            operation = "logs service " + serviceId;
            cmd = docker.logServiceCmd(serviceId).withFollow(query.follows());
        }
        LogSwarmObjectCmd read = cmd.withStdout(true).withStderr(true).withTail(query.tail());
        query.since().ifPresent(since -> read.withSince((int) Math.max(0, since.getEpochSecond())));
        return LogFrames.open(engine, operation, 0, read::exec);
    }
}
