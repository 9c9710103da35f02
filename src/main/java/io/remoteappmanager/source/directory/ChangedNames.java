package io.remoteappmanager.source.directory;

import io.remoteappmanager.source.SpecFileBook;
import java.util.HashSet;
import java.util.Set;

/**
 * What the watcher saw change in the spec directory since the last read: the names of spec files, or "anything"
 * when it cannot say (no watcher running, an event queue overflow, the directory watched anew), so that a read
 * looks again at those files only and at every file whenever in doubt. Thread-safe: the watcher records, the
 * reading thread drains.
 */
final class ChangedNames {

    /** One read's share of the changes: every file, or just these names. */
    record Changes(boolean everything, Set<String> names) {
        static final Changes EVERYTHING = new Changes(true, Set.of());
        static final Changes NONE = new Changes(false, Set.of());
    }

    private boolean watching;
    private boolean everything = true;
    private Set<String> names = new HashSet<>();

    /** A watcher started (its watches registered) or stopped: either way the next read looks at everything. */
    synchronized void watching(boolean watching) {
        this.watching = watching;
        everything();
    }

    /** An event named {@code name}; names that are not spec files are not recorded (they never hold a spec). */
    synchronized void changed(String name) {
        if (SpecFileBook.isSpecFileName(name)) {
            names.add(name);
        }
    }

    /** Anything may have changed. */
    synchronized void everything() {
        everything = true;
        names = new HashSet<>();
    }

    /** The changes since the last call, forgotten here; everything while no watcher runs. */
    synchronized Changes drain() {
        if (everything || !watching) {
            everything = false;
            names = new HashSet<>();
            return Changes.EVERYTHING;
        }
        if (names.isEmpty()) {
            return Changes.NONE;
        }
        Changes changes = new Changes(false, names);
        names = new HashSet<>();
        return changes;
    }
}
