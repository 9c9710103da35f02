package io.remoteappmanager.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pass loop folds triggers into one pass at a time and rests after each pass as long as it took. */
class PassLoopTest {

    @Test
    void theRestAfterAPassIsAsLongAsThePassAtMostHalfASecond() {
        assertThat(PassLoop.restAfter(Duration.ofMillis(3))).isEqualTo(Duration.ofMillis(3));
        assertThat(PassLoop.restAfter(Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThat(PassLoop.restAfter(Duration.ofSeconds(4))).isEqualTo(PassLoop.MAX_REST);
    }

    @Test
    void triggersDuringAPassFoldIntoOneNextPass() throws Exception {
        CountDownLatch inFirstPass = new CountDownLatch(1);
        CountDownLatch releaseFirstPass = new CountDownLatch(1);
        AtomicInteger passes = new AtomicInteger();
        try (PassLoop loop = new PassLoop((trigger, awaited) -> {
            if (passes.incrementAndGet() == 1) {
                inFirstPass.countDown();
                await().until(() -> releaseFirstPass.getCount() == 0);
            }
            return new PassLoop.Ran(CompletableFuture.completedFuture(PassResult.engineDown("test")), Optional.empty());
        }, Clock.systemUTC())) {
            loop.start();
            assertThat(inFirstPass.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 100; i++) {
                loop.trigger("event " + i);
            }
            CompletableFuture<PassResult> requested = loop.requestPass("test");
            releaseFirstPass.countDown();

            requested.get(30, TimeUnit.SECONDS);
            assertThat(passes.get()).as("the start-up pass and one for the 101 triggers").isEqualTo(2);
        }
    }
}
