package io.remoteappmanager.model;

import java.util.Map;
import java.util.Optional;

/**
 * Where a spec came from: its file name, the document's metadata.name and its line, for labels and errors, the
 * commit it was read from when the source is a git repository (empty for a directory), and the lines of the fields
 * a later check may refuse ({@code image}, {@code volumes[/src]}, {@code resources.memory}), so its error points there.
 */
public record SpecOrigin(String file, String document, int line, Optional<String> revision,
        Map<String, Integer> fieldLines) {

    public SpecOrigin {
        fieldLines = Map.copyOf(fieldLines);
    }

    /** A spec read from a directory: no revision, no field lines. */
    public SpecOrigin(String file, String document, int line) {
        this(file, document, line, Optional.empty(), Map.of());
    }

    /** The same place, read at commit {@code revision}. */
    public SpecOrigin atRevision(String revision) {
        return new SpecOrigin(file, document, line, Optional.of(revision), fieldLines);
    }

    /** The same place, knowing where its fields are. */
    public SpecOrigin withFieldLines(Map<String, Integer> lines) {
        return new SpecOrigin(file, document, line, revision, lines);
    }

    /** The line of {@code field} when known, else the document's. */
    public int lineOf(String field) {
        return fieldLines.getOrDefault(field, line);
    }

    /** The {@code source} label value: file name and document name. */
    public String label() {
        return file + "#" + document;
    }
}
