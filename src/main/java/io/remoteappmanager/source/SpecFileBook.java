package io.remoteappmanager.source;

import io.remoteappmanager.spec.SpecCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Each spec file of one source across its reads, keyed by a version id (a file stamp for a directory, a blob id
 * for a git commit): an unchanged version keeps its parse, a new one is parsed and checked (the policy), and a
 * broken one keeps the file's last good content. Every source keeps its files here, so each rule has one home. A
 * read goes through one {@link Round}, of the whole source ({@link #read}) or of some of its files
 * ({@link #update}); one read at a time.
 *
 * @param <V> what identifies one version of a file; a null version never matches, so such a file is read again
 */
public final class SpecFileBook<V> {

    private record Entry<V>(V version, FileState state) {}

    private final SpecCheck check;
    private Map<String, Entry<V>> files = new HashMap<>();
    private long parses;

    /** @param check the extra rule every parsed spec must pass (the policy), or {@link SpecCheck#NONE} */
    public SpecFileBook(SpecCheck check) {
        this.check = check;
    }

    /**
     * A {@code .yaml}/{@code .yml} file that is not hidden. Editor leftovers ({@code ~}, {@code .swp},
     * {@code .tmp}, {@code .bak}) fail the extension test, and hidden names cover {@code ..data} and its targets.
     */
    public static boolean isSpecFileName(String name) {
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith(".");
    }

    /** Starts a read of the whole source; files not reported to it are gone once it finishes. */
    public Round read() {
        return new Round(new HashMap<>(files.size() * 2));
    }

    /** Starts a read of some files of the source; files not reported to it stay as they are. */
    public Round update() {
        return new Round(new HashMap<>(files));
    }

    /** The files whose last read failed (or was put off): they have no version, so the next read reads them again. */
    public Set<String> toReadAgain() {
        Set<String> names = new HashSet<>();
        files.forEach((name, entry) -> {
            if (entry.version() == null) {
                names.add(name);
            }
        });
        return names;
    }

    /** Whether the version of any file passes {@code test}. */
    public boolean anyVersion(Predicate<V> test) {
        return files.values().stream().map(Entry::version).anyMatch(v -> v != null && test.test(v));
    }

    /** How many file versions were parsed so far (unchanged files must not count). */
    public long parses() {
        return parses;
    }

    /** One read of the source: report every spec file it has, then {@link #finish}. */
    public final class Round {

        private final Map<String, Entry<V>> next;
        private boolean changed;

        private Round(Map<String, Entry<V>> next) {
            this.next = next;
        }

        /** True, and the file's state is kept, when its last read was of this very version. */
        public boolean unchanged(String name, V version) {
            Entry<V> previous = files.get(name);
            if (version == null || previous == null || !version.equals(previous.version())) {
                return false;
            }
            put(name, previous);
            return true;
        }

        /**
         * A new version of the file: parsed, checked, and its last good content kept if it fails.
         *
         * @param revision the source's version this content was read at (a commit): stamped on every spec's origin
         *                 and named in every problem, so an error says where it was introduced
         */
        public void parsed(String name, V version, byte[] content, Optional<String> revision) {
            parses++;
            put(name, new Entry<>(version, FileState.read(name, content, check, revision, previousState(name))));
        }

        /** The file could not be read: it keeps its last good content, and is read again next time. */
        public void unreadable(String name, String reason) {
            put(name, new Entry<>(null, FileState.unreadable(name, reason, previousState(name))));
        }

        /**
         * The file is there but not to be read now (caught mid-write): what was known of it stays, and a file seen for
         * the first time protects the containers its name labels, as a broken one does.
         */
        public void keep(String name) {
            Entry<V> previous = files.get(name);
            put(name, previous != null ? previous : new Entry<>(null, FileState.firstSeenMidWrite(name)));
        }

        /** The name holds no spec file any more (a read of some files: it was removed, or is a directory now). */
        public void gone(String name) {
            changed |= next.remove(name) != null;
        }

        /** Ends the read; true when a file appeared, vanished or changed since the previous one. */
        public boolean finish() {
            changed |= next.size() != files.size();
            files = next;
            return changed;
        }

        /** Every file of this read in name order, for {@link DesiredStateAssembler}. */
        public List<FileState> states() {
            List<String> names = new ArrayList<>(next.keySet());
            Collections.sort(names);
            List<FileState> states = new ArrayList<>(names.size());
            names.forEach(name -> states.add(next.get(name).state()));
            return states;
        }

        private void put(String name, Entry<V> entry) {
            changed |= entry != files.get(name);
            next.put(name, entry);
        }

        private FileState previousState(String name) {
            Entry<V> previous = files.get(name);
            return previous == null ? null : previous.state();
        }
    }
}
