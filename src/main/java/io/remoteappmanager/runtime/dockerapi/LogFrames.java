package io.remoteappmanager.runtime.dockerapi;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.remoteappmanager.runtime.EngineTimeoutException;
import io.remoteappmanager.runtime.LogLine;
import io.remoteappmanager.runtime.LogStream;
import io.remoteappmanager.runtime.LogsNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One logs request to the engine (a container's, a service's or a task's), read as lines into a small bounded queue:
 * docker-java reads the response on a thread of its own, which waits while the queue is full, so the engine is read
 * only as fast as the reader takes lines. Where the engine cannot tail what it filters by time (it tails first), the
 * last {@code keepLast} lines are kept here instead and handed over once the engine has sent them all.
 */
public final class LogFrames extends ResultCallback.Adapter<Frame> implements LogStream {

    /** Lines read ahead of the reader; a line is at most a log driver's 16 KiB chunk. */
    static final int READ_AHEAD = 256;

    /** Put after the last line, so a reader waiting for one learns at once that none will come. */
    private static final LogLine END = new LogLine(LogLine.Source.STDOUT, "");

    private final BlockingQueue<LogLine> lines = new ArrayBlockingQueue<>(READ_AHEAD);
    private final CountDownLatch answered = new CountDownLatch(1);
    private final int keepLast;
    private final Deque<LogLine> last = new ArrayDeque<>();
    private volatile boolean ended;
    private volatile boolean drained;
    private volatile boolean closed;
    private volatile Throwable failure;

    /** A callback not yet handed to a command: {@link #open} hands it over; a test feeds it frames itself. */
    LogFrames(int keepLast) {
        this.keepLast = keepLast;
    }

    /**
     * Sends the request ({@code exec} hands this callback to a docker-java logs command) and waits until the engine has
     * answered it, within {@code ram.docker.call-timeout}.
     *
     * @param keepLast 0: the engine tails; else at most this many of the last lines are kept here
     * @throws LogsNotFoundException when the engine does not know the container, service or task
     */
    public static LogStream open(EngineClient engine, String operation, int keepLast, Consumer<LogFrames> exec) {
        engine.count(operation);
        LogFrames frames = new LogFrames(keepLast);
        exec.accept(frames);
        try {
            if (!frames.answered.await(engine.callTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                frames.close();
                throw new EngineTimeoutException(operation, engine.callTimeout(), EngineClient.CALL_TIMEOUT);
            }
        } catch (InterruptedException e) {
            frames.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening " + operation, e);
        }
        Throwable failed = frames.failure;
        if (failed instanceof NotFoundException) {
            throw new LogsNotFoundException(operation + ": " + failed.getMessage().strip());
        }
        if (failed instanceof RuntimeException e) {
            throw DockerFaults.translate(operation, e);
        }
        return frames;
    }

    @Override
    public void onStart(java.io.Closeable stream) {
        super.onStart(stream);
        answered.countDown();
    }

    @Override
    public void onNext(Frame frame) {
        LogLine.Source source = frame.getStreamType() == StreamType.STDERR ? LogLine.Source.STDERR : LogLine.Source.STDOUT;
        String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
        int from = 0;
        while (from < text.length() && !closed) {
            int end = text.indexOf('\n', from);
            int to = end < 0 ? text.length() : end;
            take(new LogLine(source, text.substring(from, to)));
            from = to + 1;
        }
    }

    @Override
    public void onError(Throwable error) {
        if (!closed) {
            failure = error;
        }
        finish();
    }

    @Override
    public void onComplete() {
        synchronized (last) {
            while (!last.isEmpty() && !closed) {
                put(last.removeFirst());
            }
        }
        finish();
    }

    @Override
    public Optional<LogLine> next(Duration wait) throws InterruptedException {
        if (drained) {
            return Optional.empty();
        }
        LogLine line = lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (line == END) {
            drained = true;
            return Optional.empty();
        }
        return Optional.ofNullable(line);
    }

    @Override
    public boolean over() {
        return drained || closed;
    }

    @Override
    public void close() {
        closed = true;
        lines.clear();
        closeStream();
    }

    private void take(LogLine line) {
        if (keepLast == 0) {
            put(line);
            return;
        }
        synchronized (last) {
            last.addLast(line);
            if (last.size() > keepLast) {
                last.removeFirst();
            }
        }
    }

    /** Waits while the queue is full (the reader is behind), until there is room or the reader has closed. */
    private void put(LogLine line) {
        try {
            while (!closed && !lines.offer(line, 100, TimeUnit.MILLISECONDS)) {
                // the reader is slower than the engine: docker-java's read waits, and so does the engine's write
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() interrupts docker-java's reading thread
        }
    }

    private void finish() {
        if (!ended) {
            ended = true;
            put(END);
        }
        answered.countDown();
        closeStream();
    }

    private void closeStream() {
        try {
            super.close();
        } catch (IOException ignored) {
            // the stream is going away either way
        }
    }
}
