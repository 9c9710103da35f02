package io.remoteappmanager.manager;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Runs at most one operation per key at a time; a second concurrent one fails with {@link OperationInProgress}. */
final class InFlight<K> {

    private final String what;
    private final Set<K> running = ConcurrentHashMap.newKeySet();

    InFlight(String what) {
        this.what = what;
    }

    <T> T run(K key, Supplier<T> operation) {
        if (!running.add(key)) {
            throw new OperationInProgress(what + " of " + key + " is already in progress");
        }
        try {
            return operation.get();
        } finally {
            running.remove(key);
        }
    }
}
