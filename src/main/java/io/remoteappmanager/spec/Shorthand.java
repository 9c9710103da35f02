package io.remoteappmanager.spec;

import io.remoteappmanager.spec.YamlCursor.Refused;
import java.io.IOException;

/**
 * A mapping that may also be written as one plain value, which then stands for its field {@code shortField} (the others
 * take their fallbacks): {@code DB_PASSWORD: db-password} for {@code DB_PASSWORD: {file: db-password}}, as Compose
 * allows short and long forms of one entry.
 */
record Shorthand(Section section, Field<String> shortField) implements Rule<Values> {

    Shorthand {
        if (section.indexOf(shortField) < 0) {
            throw new IllegalArgumentException(shortField.name() + " is not a field of " + section.expected());
        }
    }

    @Override
    public Values read(YamlCursor in, String field, int line) throws IOException, Refused {
        if (!in.token().isScalarValue()) {
            return section.read(in, field, line);
        }
        String value = shortField.rule().read(in, field, line);
        if (value == null) {
            return null;
        }
        Values values = new Values(section);
        values.set(section.indexOf(shortField), in.line(), value);
        return values;
    }
}
