package io.remoteappmanager.model;

import java.util.Optional;

/**
 * Where a spec came from: its file name, the document's metadata.name and its line, for labels and errors, and
 * the commit it was read from when the source is a git repository (empty for a directory).
 */
public record SpecOrigin(String file, String document, int line, Optional<String> revision) {

    /** A spec read from a directory: no revision. */
    public SpecOrigin(String file, String document, int line) {
        this(file, document, line, Optional.empty());
    }

    /** The same place, read at commit {@code revision}. */
    public SpecOrigin atRevision(String revision) {
        return new SpecOrigin(file, document, line, Optional.of(revision));
    }

    /** The {@code source} label value: file name and document name. */
    public String label() {
        return file + "#" + document;
    }
}
