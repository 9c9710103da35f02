package io.remoteappmanager.source.git;

import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.lifecycle.Threads;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.model.SpecProblem.Kind;
import io.remoteappmanager.source.SourceStatus;
import io.remoteappmanager.source.SpecFileBook;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.spec.SpecCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.jboss.logging.Logger;

/**
 * One ref of a git repository as a {@link SpecSource}: a thread of its own fetches every {@code ram.git.interval}
 * (at once on {@link #refresh}), and each new commit is read whole and published in one step, so {@link #read} never
 * waits for the network and always returns exactly one commit's state. While the remote cannot be reached, the last
 * commit read stays in force, status says why, and fetches are retried with back-off.
 */
public final class GitSource implements SpecSource {

    private static final Logger LOG = Logger.getLogger(GitSource.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final GitSettings settings;
    private final GitFetcher fetcher;
    private final CommitReader reader;
    private final Redactor redactor;
    private final GitMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService thread;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile Runnable onChange = () -> {};
    private volatile GitState state;
    private volatile boolean started;
    private Jobs.Job polling;
    /** No scheduled fetch before this instant: a back-off after failed fetches. */
    private volatile Instant nextFetchAt = Instant.MIN;
    private int failures;

    /** @param check the policy every spec must pass, as for a directory */
    public GitSource(GitSettings settings, SpecCheck check, MeterRegistry registry) {
        this.settings = settings;
        this.fetcher = new GitFetcher(settings);
        this.reader = new CommitReader(new SpecFileBook<>(check), settings.path());
        this.redactor = settings.redactor();
        this.metrics = new GitMetrics(registry);
        this.state = GitState.initial(notReadYet());
        this.thread = Threads.serial("git-fetch");
    }

    @Override
    public DesiredState read() {
        return state.desired();
    }

    @Override
    public SourceStatus status() {
        GitState s = state;
        Optional<CommitInfo> c = s.commit();
        return new SourceStatus("git", settings.displayUrl(), Optional.of(settings.ref()), c.map(CommitInfo::id),
                c.map(CommitInfo::author), c.map(CommitInfo::message), c.map(CommitInfo::committedAt), s.fetchedAt(),
                s.lastError());
    }

    /** Reads the local copy, fetches once now, then every interval as one of {@code jobs} (less often after failures). */
    @Override
    public void start(Runnable callback, Jobs jobs) {
        onChange = callback;
        started = true;
        LOG.infof("git: reading %s every %s", settings, settings.interval());
        thread.execute(this::startFromLocalCopy);
        thread.execute(this::poll);
        polling = jobs.every("git-poll", settings.interval(), () -> {
            if (!clock.instant().isBefore(nextFetchAt)) {
                refresh();
            }
        });
    }

    /** Fetches now, on the fetch thread, after a fetch that is running; a burst of calls is one fetch. */
    @Override
    public void refresh() {
        if (started && refreshQueued.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    refreshQueued.set(false);
                    poll();
                });
            } catch (RejectedExecutionException e) {
                LOG.debugf("git: refresh after close ignored");
            }
        }
    }

    /**
     * Fetches and reads on the caller's thread (the command line's one-off read, before {@link #start}).
     *
     * @throws GitSourceException naming why the remote or the commit could not be read
     */
    public void fetchNow() {
        if (started) {
            throw new IllegalStateException("fetchNow is for a source that was not started");
        }
        update();
    }

    @Override
    public void close() {
        if (polling != null) {
            polling.close();
        }
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warnf("git: a fetch of %s is still running at shutdown", settings.displayUrl());
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fetcher.close();
    }

    /** A restart reads the commit an earlier run fetched, so the apps have their desired state before the remote answers. */
    private void startFromLocalCopy() {
        try {
            Optional<ObjectId> local = fetcher.lastFetched();
            if (local.isPresent() && state.commit().isEmpty()) {
                publish(state, local.get(), "the local copy (fetched by an earlier run)");
            }
        } catch (Exception e) {
            LOG.infof("git: no usable local copy of %s; waiting for the first fetch: %s", settings.displayUrl(),
                    redactor.describe(e));
        }
    }

    /** One fetch; after a failure the scheduled ones wait out a back-off (a refresh asked from outside does not). */
    private void poll() {
        try {
            update();
            if (failures > 0) {
                LOG.infof("git: %s answers again after %d failed fetch(es)", settings.displayUrl(), failures);
            }
            failures = 0;
            nextFetchAt = Instant.MIN;
        } catch (GitSourceException e) {
            failures++;
            metrics.failed();
            Duration delay = backoff();
            // due at the poll tick closest to the back-off's end: ticks come every interval
            nextFetchAt = clock.instant().plus(delay).minus(settings.interval().dividedBy(2));
            state = state.failed(e.getMessage());
            LOG.warnf("git: fetch of %s failed (%d in a row); revision %s stays in force; next try in %s: %s",
                    settings.displayUrl(), failures, state.commit().map(CommitInfo::id).orElse("(none yet)"), delay,
                    e.getMessage());
        }
    }

    private Duration backoff() {
        Duration cap = settings.interval().compareTo(MAX_BACKOFF) > 0 ? settings.interval() : MAX_BACKOFF;
        Duration delay = settings.interval().multipliedBy(1L << Math.min(failures - 1, 20));
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    private void update() {
        try {
            ObjectId id = fetcher.fetch();
            Instant now = clock.instant();
            metrics.fetched(now);
            publish(state.fetched(now), id, "a fetch");
        } catch (Exception e) {
            throw new GitSourceException(redactor.describe(e));
        }
    }

    /** Makes {@code base} with the commit {@code id} the state; reads the commit and wakes the controller if it is new. */
    private void publish(GitState base, ObjectId id, String from) throws Exception {
        Repository repo = fetcher.repository();
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(id);
            Optional<CommitInfo> before = base.commit();
            if (before.isPresent() && before.get().id().equals(commit.getName())) {
                state = base;
                return;
            }
            DesiredState desired = reader.read(repo, commit);
            CommitInfo info = CommitInfo.of(commit);
            state = base.at(info, desired);
            metrics.revision(info.id());
            LOG.infof("git: revision %s (%s: \"%s\") from %s of %s ref %s%s; %d app(s), %d problem(s)", info.id(),
                    info.author(), info.message(), from, settings.displayUrl(), settings.ref(),
                    before.map(b -> ", " + CommitHistory.move(walk, b.id(), commit)).orElse(""),
                    desired.apps().size(), desired.problems().size());
        }
        onChange.run();
    }

    private DesiredState notReadYet() {
        return new DesiredState(Map.of(), List.of(new SpecProblem(Kind.UNREADABLE, settings.displayUrl(), 0,
                "no commit of ref " + settings.ref() + " read yet", Optional.empty())), Set.of(), Set.of(), false, Set.of());
    }
}
