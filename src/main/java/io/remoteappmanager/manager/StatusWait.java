package io.remoteappmanager.manager;

import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.status.StatusSnapshot;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Waits for the status to say how a request ended: the seed API writes its request as desired state and then
 * learns the outcome where everyone else does, in the status the passes publish.
 */
final class StatusWait {

    private final StatusBoard status;

    StatusWait(StatusBoard status) {
        this.status = status;
    }

    /** The status now. */
    StatusSnapshot current() {
        return status.current();
    }

    /**
     * The first answer {@code verdict} gives on the status (now, or in a snapshot published within {@code timeout});
     * empty answers mean "not yet".
     *
     * @throws TimeoutException when no snapshot gave an answer in time
     */
    <T> T await(Duration timeout, Function<StatusSnapshot, Optional<T>> verdict) throws TimeoutException {
        CompletableFuture<T> answered = new CompletableFuture<>();
        Consumer<StatusSnapshot> check = snapshot -> verdict.apply(snapshot).ifPresent(answered::complete);
        status.listen(check);
        try {
            check.accept(status.current());
            return answered.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted while waiting for the status");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            status.unlisten(check);
        }
    }
}
