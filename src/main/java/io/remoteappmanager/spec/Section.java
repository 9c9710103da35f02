package io.remoteappmanager.spec;

import com.fasterxml.jackson.core.JsonToken;
import io.remoteappmanager.spec.YamlCursor.Issue;
import io.remoteappmanager.spec.YamlCursor.Refused;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A mapping with named fields: each known field read by its rule, a required one that is unset reported at the
 * mapping's line, and every other key reported as an unknown field. {@code expected} names the mapping in messages.
 */
record Section(String expected, List<Field<?>> fields) implements Rule<Values> {

    Section(Field<?>... fields) {
        this("a mapping", List.of(fields));
    }

    Section(String expected, Field<?>... fields) {
        this(expected, List.of(fields));
    }

    @Override
    public Values read(YamlCursor in, String field, int line) throws IOException, Refused {
        if (in.token() != JsonToken.START_OBJECT) {
            in.fail(field, expected);
            return null;
        }
        String prefix = field.isEmpty() ? "" : field + ".";
        Values values = new Values(this);
        List<Issue> unknown = new ArrayList<>(0); // reported after the missing ones, as the fields are read in order
        while (in.next() == JsonToken.FIELD_NAME) {
            String key = in.text();
            int keyLine = in.line();
            int index = indexOf(key);
            in.next();
            if (index < 0) {
                unknown.add(new Issue(keyLine, prefix + key + ": unknown field"));
                in.skipValue();
            } else if (!in.unset()) {
                int valueLine = in.line();
                values.set(index, valueLine, fields.get(index).rule().read(in, prefix + key, keyLine));
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).required() && !values.has(i)) {
                in.issue(line, prefix + fields.get(i).name(), "required field missing");
            }
        }
        unknown.forEach(issue -> in.issue(issue.line(), issue.message()));
        return values;
    }

    /** The position of the field named {@code name}, or -1. */
    int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The position of {@code field} itself, or -1. */
    int indexOf(Field<?> field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) == field) {
                return i;
            }
        }
        return -1;
    }
}
