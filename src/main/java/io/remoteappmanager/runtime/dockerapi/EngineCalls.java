package io.remoteappmanager.runtime.dockerapi;

import io.remoteappmanager.lifecycle.Threads;
import io.remoteappmanager.runtime.EngineTimeoutException;
import io.remoteappmanager.runtime.RuntimeFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Gives every docker-java call a deadline. docker-java's response timeout does nothing on the {@code unix://}
 * transport, so a hung engine (or a pull from a registry that never answers) would block its caller for good.
 * Each call runs on a thread of its own while the caller waits at most the deadline; past it, the caller gets an
 * {@link EngineTimeoutException} at once, and every thread working for the call (docker-java starts one per
 * streamed response, such as a pull's progress) is interrupted: the JDK's socket channels close on interrupt, so
 * the connection is dropped and the threads end instead of lingering.
 */
final class EngineCalls implements AutoCloseable {

    /** The call a thread works for: set on our call threads, inherited by the stream threads docker-java starts. */
    private static final InheritableThreadLocal<Scope> SCOPE = new InheritableThreadLocal<>();

    private final ExecutorService threads = Threads.elastic("engine-call");

    /** Runs {@code body} and returns its result, or fails once {@code deadline} has passed. */
    <T> T run(String operation, Duration deadline, String setting, Supplier<T> body) {
        Scope scope = new Scope();
        Future<T> future = threads.submit(() -> {
            Thread.interrupted(); // a pool thread starts clean
            SCOPE.set(scope);
            scope.enlist(Thread.currentThread());
            try {
                return body.get();
            } finally {
                scope.finish();
                SCOPE.remove();
                Thread.interrupted(); // an interrupt that raced the end of the call must not reach the next one
            }
        });
        try {
            return future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            scope.cancel();
            throw new EngineTimeoutException(operation, deadline, setting);
        } catch (InterruptedException e) {
            scope.cancel();
            Thread.currentThread().interrupt();
            throw new RuntimeFault(operation + " interrupted (the controller is stopping)", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new RuntimeFault(operation + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Called by the HTTP client for every request: the calling thread may now be interrupted at the deadline. */
    static void enlistCurrentThread() {
        Scope scope = SCOPE.get();
        if (scope != null) {
            scope.enlist(Thread.currentThread());
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** The threads working for one call; interrupted only while the call is unfinished. */
    private static final class Scope {
        private final List<Thread> threads = new ArrayList<>(2);
        private boolean finished;

        synchronized void enlist(Thread thread) {
            if (!finished) {
                threads.add(thread);
            }
        }

        synchronized void finish() {
            finished = true;
        }

        synchronized void cancel() {
            if (!finished) {
                finished = true;
                threads.forEach(Thread::interrupt);
            }
        }
    }
}
