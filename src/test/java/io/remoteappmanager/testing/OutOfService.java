package io.remoteappmanager.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.RuntimeEvent;
import io.remoteappmanager.runtime.RuntimeWatcher;
import java.io.Closeable;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts, from the engine's own events, how many apps had no container up at once: from a removal to the next start. */
public final class OutOfService implements Closeable {
    private final Set<String> down = new HashSet<>();
    private final AtomicInteger most = new AtomicInteger();
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final Closeable stream;

    /** Subscribes to the events of {@code engine}'s realm; returns once the engine streams them. */
    public OutOfService(TestEngine engine) throws InterruptedException {
        this(engine.runtime, engine.labels);
    }

    /** Subscribes to the events of {@code labels}' realm on {@code runtime} (a real engine or a fake one). */
    public OutOfService(ContainerRuntime runtime, LabelScheme labels) throws InterruptedException {
        stream = runtime.watch(labels.realmFilter(), new RuntimeWatcher() {
            @Override
            public void started() {
                subscribed.countDown();
            }

            @Override
            public void event(RuntimeEvent event) {
                String key = labels.appKey(event.labels()).map(Object::toString).orElse(event.id());
                synchronized (down) {
                    if (event.isDestroy()) {
                        down.add(key);
                    } else if (event.action().equals("start")) {
                        down.remove(key);
                    }
                    most.accumulateAndGet(down.size(), Math::max);
                }
            }

            @Override
            public void broken(Throwable cause) {
                most.set(Integer.MAX_VALUE); // fails the count: the stream lost events
            }
        });
        assertThat(subscribed.await(30, TimeUnit.SECONDS)).as("subscribed to the engine's events").isTrue();
    }

    /** The most apps that were out of service at one moment so far. */
    public int most() {
        return most.get();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
