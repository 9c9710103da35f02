package io.remoteappmanager.source;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.spec.ParsedFile;
import java.util.List;

/**
 * One spec file as its source last saw it: what the newest version parsed into, and the specs of the newest
 * version that parsed, which keep running while the file is broken.
 *
 * @param lastGood the specs of the newest version that parsed, or null if no version ever did
 */
public record FileState(String name, ParsedFile parsed, List<AppSpec> lastGood) {

    /** The state after reading a new version, remembering {@code previous}'s good content if this one fails. */
    public static FileState next(String name, ParsedFile parsed, FileState previous) {
        List<AppSpec> good = parsed.ok() ? parsed.specs() : previous == null ? null : previous.lastGood();
        return new FileState(name, parsed, good);
    }
}
