package io.remoteappmanager.testing.fake;

import io.remoteappmanager.runtime.EngineTimeoutException;
import io.remoteappmanager.runtime.RuntimeFault;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One engine call held open, as an engine that accepted the connection and does not answer holds it: the call
 * fails with {@link EngineTimeoutException} at its deadline, as the real runtime's does, or earlier when the test
 * says the deadline has passed ({@link #expire}), so a test of a stuck call needs no real wait; {@link #release}
 * lets it answer late instead. A test waits for {@link #entered} to know the call is stuck.
 */
public final class Hang {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final boolean afterEffect;
    private volatile boolean expired;
    private volatile String operation;

    Hang(boolean afterEffect) {
        this.afterEffect = afterEffect;
    }

    /** Whether a call is held here now or was. */
    public boolean entered() {
        return entered.getCount() == 0;
    }

    /** The call held here ({@code create NAME}, {@code start ID}, ...), once one is. */
    public Optional<String> operation() {
        return Optional.ofNullable(operation);
    }

    /** The deadline passes now: the held call fails with {@link EngineTimeoutException}, naming itself. */
    public void expire() {
        expired = true;
        ended.countDown();
    }

    /** The engine answers: the held call goes on as if it had been slow. */
    public void release() {
        ended.countDown();
    }

    /** True when the engine did the call's work before it stopped answering (a container created, and no answer). */
    boolean afterEffect() {
        return afterEffect;
    }

    /** Holds {@code heldOperation} until released, expired or its {@code deadline} (named by {@code setting}). */
    void hold(String heldOperation, Duration deadline, String setting) {
        operation = heldOperation;
        entered.countDown();
        boolean answered;
        try {
            answered = ended.await(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFault(heldOperation + " interrupted: the controller is stopping or the call passed its deadline", e);
        }
        if (!answered || expired) {
            throw new EngineTimeoutException(heldOperation, deadline, setting);
        }
    }
}
