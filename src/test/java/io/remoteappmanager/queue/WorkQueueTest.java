package io.remoteappmanager.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-key work queue: one attempt per key at a time, nothing lost, every request answered or cancelled. */
class WorkQueueTest {

    final WorkQueue<String, String> queue = new WorkQueue<>("test");

    @AfterEach
    void close() {
        queue.close();
    }

    @Test
    void aKeyAddedTwiceBeforeItIsTakenIsQueuedOnceAndBothRequestsShareItsAnswer() throws Exception {
        CompletableFuture<String> first = queue.add("a");
        CompletableFuture<String> second = queue.add("a");
        queue.add("b");

        assertThat(queue.depth()).isEqualTo(2);
        assertThat(queue.take()).contains("a");
        assertThat(queue.take()).contains("b");
        queue.done("a", "did a");
        assertThat(first).isCompletedWithValue("did a");
        assertThat(second).isCompletedWithValue("did a");
    }

    @Test
    void aKeyIsHandedToOneWorkerAtATimeAndARequestMeanwhileGetsTheNextAttempt() throws Exception {
        CompletableFuture<String> served = queue.add("a");
        assertThat(queue.take()).contains("a");

        CompletableFuture<String> meanwhile = queue.add("a");
        assertThat(queue.depth()).as("not handed out while a worker holds it").isZero();
        assertThat(queue.inFlight()).isEqualTo(1);

        queue.done("a", "first attempt");
        assertThat(served).isCompletedWithValue("first attempt");
        assertThat(meanwhile).as("answered by the attempt after the one under way").isNotDone();
        assertThat(queue.take()).contains("a");
        queue.done("a", "second attempt");
        assertThat(meanwhile).isCompletedWithValue("second attempt");
    }

    @Test
    void keysComeOutInTheOrderTheyArrived() throws Exception {
        queue.add("c");
        queue.add("a");
        queue.add("b");

        assertThat(queue.take()).contains("c");
        assertThat(queue.take()).contains("a");
        assertThat(queue.take()).contains("b");
    }

    @Test
    void aRetryAfterABackOffIsQueuedOnlyOnceTheDelayHasPassed() throws Exception {
        queue.addAfter("a", Duration.ofMillis(300));

        assertThat(queue.depth()).as("not before the delay").isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> queue.depth() == 1);
        assertThat(queue.take()).contains("a");
    }

    @Test
    void aRetryWithNoDelayLeftIsQueuedAtOnce() {
        queue.addAfter("a", Duration.ZERO);

        assertThat(queue.depth()).isEqualTo(1);
    }

    @Test
    void closingWithWorkInFlightLetsThatAttemptAnswerAndCancelsWhatNoAttemptWillServe() throws Exception {
        CompletableFuture<String> inFlight = queue.add("a");
        assertThat(queue.take()).contains("a");
        CompletableFuture<String> again = queue.add("a");
        CompletableFuture<String> waiting = queue.add("b");

        queue.close();

        assertThat(queue.take()).as("a worker asking after the close gets nothing").isEqualTo(Optional.empty());
        assertThat(waiting).isCancelled();
        assertThat(again).isCancelled();
        queue.done("a", "finished during the close");
        assertThat(inFlight).isCompletedWithValue("finished during the close");
        assertThat(queue.add("c")).as("nothing is accepted after the close").isCompletedExceptionally();
    }

    @Test
    void aWorkerBlockedOnAnEmptyQueueIsReleasedByTheClose() {
        CompletableFuture<Optional<String>> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        queue.close();

        assertThat(blocked.join()).isEmpty();
    }
}
