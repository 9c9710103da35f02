package io.remoteappmanager.runtime.dockerapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.remoteappmanager.runtime.LogLine;
import io.remoteappmanager.runtime.LogLine.Source;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine's frames become lines in a bounded read-ahead that holds the engine back while the reader is behind. */
class LogFramesTest {

    @Test
    void framesAreSplitIntoLinesWithTheirStreamAndTheEndWakesTheReader() throws Exception {
        LogFrames frames = new LogFrames(0);
        frames.onNext(frame(StreamType.STDOUT, "one\ntwo\n"));
        frames.onNext(frame(StreamType.STDERR, "three"));
        CompletableFuture<List<LogLine>> read = CompletableFuture.supplyAsync(() -> drain(frames, Duration.ofMinutes(1)));
        frames.onComplete();

        assertThat(read.get()).containsExactly(new LogLine(Source.STDOUT, "one"), new LogLine(Source.STDOUT, "two"),
                new LogLine(Source.STDERR, "three"));
        assertThat(frames.over()).isTrue();
    }

    @Test
    void keepingTheLastLinesHandsOverOnlyTheseOnceTheEngineIsDone() {
        LogFrames frames = new LogFrames(2);
        frames.onNext(frame(StreamType.STDOUT, "a\nb\nc\n"));
        frames.onComplete();

        assertThat(drain(frames, Duration.ZERO)).extracting(LogLine::text).containsExactly("b", "c");
    }

    @Test
    void aReaderThatIsBehindHoldsTheEngineBackAtTheReadAhead() {
        LogFrames frames = new LogFrames(0);
        AtomicInteger accepted = new AtomicInteger();
        CompletableFuture<Void> engine = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 10 * LogFrames.READ_AHEAD && !frames.over(); i++) {
                frames.onNext(frame(StreamType.STDOUT, "line " + i + "\n"));
                accepted.incrementAndGet();
            }
        });

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10))
                .until(() -> accepted.get() == LogFrames.READ_AHEAD);
        frames.close(); // the client went away: the engine's side is let go
        await().until(engine::isDone);
    }

    private static List<LogLine> drain(LogFrames frames, Duration wait) {
        List<LogLine> lines = new ArrayList<>();
        try {
            for (Optional<LogLine> line = frames.next(wait); line.isPresent(); line = frames.next(wait)) {
                lines.add(line.get());
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }

    private static Frame frame(StreamType stream, String text) {
        return new Frame(stream, text.getBytes(StandardCharsets.UTF_8));
    }
}
