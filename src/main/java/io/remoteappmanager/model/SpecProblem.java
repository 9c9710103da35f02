package io.remoteappmanager.model;

import java.util.Optional;

/**
 * One thing wrong with the spec directory, located as {@code file:line} so an editor or a CI log can
 * jump to it; {@code key} is set when the problem belongs to a known app (a conflict, an invalid field).
 */
public record SpecProblem(Kind kind, String file, int line, String message, Optional<AppKey> key) {

    /** What went wrong. */
    public enum Kind {
        /** The file could not be read (permissions, a directory, too large, a symlink loop). */
        UNREADABLE,
        /** The YAML does not parse, or a document breaks the format or a limit. */
        INVALID,
        /** Two documents claim one (user, mappingId) or one urlpath, or a document claims another app's urlpath. */
        CONFLICT,
        /** The document is well formed but asks for something the policy forbids. */
        POLICY,
        /**
         * A secret the document names cannot be read from {@code ram.secrets.dir} (missing, unreadable, outside it):
         * that app alone is Invalid and keeps its container, the other apps of the file are not affected.
         */
        SECRET
    }

    /** {@code file:line: message}, the form {@code validate} prints. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
