package io.remoteappmanager.testing.fake;

import io.remoteappmanager.runtime.LogLine;
import io.remoteappmanager.runtime.LogQuery;
import io.remoteappmanager.runtime.LogStream;
import io.remoteappmanager.runtime.LogsNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fake engine's container output, in memory: each container's runs (a start begins one), each a list of lines;
 * a reader takes the current run's last lines (or the run before it) and, following, waits for the lines written
 * after, until that run is no longer the current one. {@code since} is not kept: every line is as old as any other.
 */
final class FakeLogs {

    private final Map<String, List<List<LogLine>>> runs = new HashMap<>();

    synchronized void started(String id) {
        runs.computeIfAbsent(id, k -> new ArrayList<>()).add(new ArrayList<>());
        notifyAll();
    }

    synchronized void removed(String id) {
        runs.remove(id);
        notifyAll();
    }

    synchronized void print(String id, LogLine line) {
        List<List<LogLine>> of = runs.get(id);
        if (of == null) {
            throw new IllegalStateException("container " + id + " never started, so it cannot write");
        }
        of.get(of.size() - 1).add(line);
        notifyAll();
    }

    synchronized LogStream open(String id, LogQuery query) {
        List<List<LogLine>> of = runs.get(id);
        if (of == null) {
            throw new LogsNotFoundException("logs " + id + ": No such container: " + id);
        }
        if (query.previous() && of.size() < 2) {
            throw new LogsNotFoundException("logs " + id + ": no run before the current one");
        }
        List<LogLine> run = of.get(of.size() - (query.previous() ? 2 : 1));
        return new Reader(id, run, Math.max(0, run.size() - query.tail()), query.follows());
    }

    /** Whether {@code run} is still the container's current run, so a follower waits for more of it. */
    private boolean current(String id, List<LogLine> run) {
        List<List<LogLine>> of = runs.get(id);
        return of != null && of.get(of.size() - 1) == run;
    }

    /** One reader of one run, from a line on. */
    private final class Reader implements LogStream {

        private final String id;
        private final List<LogLine> run;
        private final boolean follow;
        private int next;
        private boolean closed;

        Reader(String id, List<LogLine> run, int from, boolean follow) {
            this.id = id;
            this.run = run;
            this.next = from;
            this.follow = follow;
        }

        @Override
        public Optional<LogLine> next(Duration wait) throws InterruptedException {
            synchronized (FakeLogs.this) {
                long deadline = System.nanoTime() + wait.toNanos();
                while (!closed && next >= run.size() && follow && current(id, run)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return Optional.empty();
                    }
                    Duration remaining = Duration.ofNanos(left);
                    FakeLogs.this.wait(Math.max(1, remaining.toMillis()));
                }
                return closed || next >= run.size() ? Optional.empty() : Optional.of(run.get(next++));
            }
        }

        @Override
        public boolean over() {
            synchronized (FakeLogs.this) {
                return closed || (next >= run.size() && !(follow && current(id, run)));
            }
        }

        @Override
        public void close() {
            synchronized (FakeLogs.this) {
                closed = true;
                FakeLogs.this.notifyAll();
            }
        }
    }
}
