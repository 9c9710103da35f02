package io.remoteappmanager.observe;

import io.remoteappmanager.model.AppKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The app keys the actuator is changing right now, each with the engine events about it held back meanwhile: the
 * actuator reads back what it did, so a held event usually costs no inspect once it is let through. Holds of one key
 * nest. Not thread-safe: the cache guards it with its own lock.
 */
final class HeldEvents {

    private final Map<AppKey, Hold> holds = new HashMap<>();

    private static final class Hold {
        int depth;
        final List<Runnable> replays = new ArrayList<>();
    }

    void hold(AppKey key) {
        holds.computeIfAbsent(key, k -> new Hold()).depth++;
    }

    /** Keeps {@code replay} for when {@code key} is let go; false, keeping nothing, when the key is not held. */
    boolean defer(AppKey key, Runnable replay) {
        Hold hold = holds.get(key);
        if (hold == null) {
            return false;
        }
        hold.replays.add(replay);
        return true;
    }

    /** Ends one hold of {@code key}: the replays kept for it, in arrival order, when that was its last hold. */
    List<Runnable> release(AppKey key) {
        Hold hold = holds.get(key);
        if (hold == null || --hold.depth > 0) {
            return List.of();
        }
        holds.remove(key);
        return hold.replays;
    }
}
