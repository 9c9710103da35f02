package io.remoteappmanager.spec;

import com.fasterxml.jackson.core.JsonToken;
import io.remoteappmanager.spec.SpecPatterns.TextRule;
import io.remoteappmanager.spec.YamlCursor.Refused;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A mapping with free keys that {@code key} accepts ({@code keyIs} says how, after the field's name), each holding a
 * {@code value}. An entry is named {@code field[key]} in messages when {@code bracketed}, else {@code field.key}.
 */
record MapOf<T>(TextRule key, String keyIs, boolean bracketed, Rule<T> value, String expected)
        implements Rule<List<MapOf.Entry<T>>> {

    /** One entry, with the line of its key. */
    record Entry<T>(String key, int line, T value) {}

    @Override
    public List<Entry<T>> read(YamlCursor in, String field, int line) throws IOException, Refused {
        if (in.token() != JsonToken.START_OBJECT) {
            in.fail(field, expected);
            return null;
        }
        List<Entry<T>> entries = new ArrayList<>();
        while (in.next() == JsonToken.FIELD_NAME) {
            String name = in.text();
            int keyLine = in.line();
            String entry = bracketed ? field + "[" + name + "]" : field + "." + name;
            if (!key.accepts(name)) {
                in.issue(keyLine, entry, keyIs + " " + key.expected());
            }
            in.next();
            T read = value.read(in, entry, keyLine);
            if (read != null) {
                entries.add(new Entry<>(name, keyLine, read));
            }
        }
        return entries;
    }
}
