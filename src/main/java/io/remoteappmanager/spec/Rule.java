package io.remoteappmanager.spec;

import io.remoteappmanager.spec.YamlCursor.Refused;
import java.io.IOException;

/**
 * What one value of a spec must be, read from the YAML tokens: the rules of the format are values of these types
 * ({@link RemoteAppFormat}), so the reader and the editors' JSON Schema come from one description.
 *
 * @param <T> what a valid value becomes
 */
sealed interface Rule<T> permits ScalarRule, Section, ListOf, MapOf, Shorthand {

    /**
     * The value at the cursor (its first token; the cursor is left on its last), or null when it breaks the rule:
     * then an issue naming {@code field} is recorded. {@code line} is the line to blame for missing fields.
     */
    T read(YamlCursor in, String field, int line) throws IOException, Refused;
}
