package io.remoteappmanager.api.logs;

import io.remoteappmanager.api.ApiException;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.LogLine;
import io.remoteappmanager.runtime.LogQuery;
import io.remoteappmanager.runtime.LogStream;
import io.remoteappmanager.runtime.LogsNotFoundException;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.status.StatusBoard;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Opens an app's output by its name: finds its container in the status (never in the loop's state) and asks the
 * runtime for it, letting at most {@code ram.logs.max-followers} streams follow at once.
 */
public final class AppLogs {

    /**
     * The limits of {@code ram.logs.*}.
     *
     * @param maxTail           the most lines one request may ask for
     * @param maxFollowers      the most streams that follow at once
     * @param followIdleTimeout a stream with no new line for this long is ended
     */
    public record Settings(int maxTail, int maxFollowers, Duration followIdleTimeout) {}

    private final StatusBoard status;
    private final ContainerRuntime runtime;
    private final Settings settings;
    private final Semaphore followers;

    public AppLogs(StatusBoard status, ContainerRuntime runtime, Settings settings) {
        this.status = status;
        this.runtime = runtime;
        this.settings = settings;
        this.followers = new Semaphore(settings.maxFollowers());
    }

    Settings settings() {
        return settings;
    }

    /**
     * The app's output as {@code query} asks, with a follower's permit held when it follows.
     *
     * @throws ApiException 404 for an unknown app, one without a container, or no previous run; 429 when
     *                      {@code ram.logs.max-followers} streams already follow
     */
    OpenLogs open(String name, LogQuery query) {
        AppStatus app = status.current().byName(name)
                .orElseThrow(() -> new ApiException(404, "no app named '" + name + "' (see GET /api/v1/apps)"));
        String container = app.containerId().orElseThrow(() -> new ApiException(404, "app '" + name
                + "' has no container now (" + app.phase() + ": " + app.message() + "), so it has no output to read"));
        boolean follows = query.follows();
        if (follows && !followers.tryAcquire()) {
            throw new ApiException(429, settings.maxFollowers() + " log streams already follow (ram.logs.max-followers);"
                    + " close one or read without follow=true");
        }
        try {
            LogStream stream = runtime.logs(container, query);
            Optional<LogLine> first = query.previous() ? firstOfPrevious(name, stream) : Optional.empty();
            return new OpenLogs(stream, first, follows ? followers::release : () -> {});
        } catch (LogsNotFoundException gone) {
            release(follows);
            throw new ApiException(404, "no " + (query.previous() ? "previous " : "") + "output of app '" + name
                    + "': " + gone.getMessage());
        } catch (RuntimeException e) {
            release(follows);
            throw e;
        }
    }

    /** A previous run that wrote nothing is as good as none: the first line tells, before the answer's head is sent. */
    private Optional<LogLine> firstOfPrevious(String name, LogStream stream) {
        try {
            Optional<LogLine> first = stream.next(settings.followIdleTimeout());
            if (first.isEmpty()) {
                stream.close();
                throw new LogsNotFoundException("its container has no run before the current one that wrote anything"
                        + " (it has not been restarted, or was made anew)");
            }
            return first;
        } catch (InterruptedException e) {
            stream.close();
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted while reading the previous output of '" + name + "'");
        }
    }

    private void release(boolean follows) {
        if (follows) {
            followers.release();
        }
    }

    /** An open stream, the line already read from it (if any), and what ends the request's claim on a follower. */
    record OpenLogs(LogStream stream, Optional<LogLine> first, Runnable done) {}
}
