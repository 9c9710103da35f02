package io.remoteappmanager.spec;

import java.util.Optional;

/**
 * What a {@link Section} read from one mapping: each field's valid value and the line it was written on. A field that
 * is unset, or whose value broke its rule (an issue says so), has no value.
 */
final class Values {

    private final Section section;
    private final Object[] values;
    /** The line of each field's value; 0 where the field is unset. */
    private final int[] lines;

    Values(Section section) {
        this.section = section;
        this.values = new Object[section.fields().size()];
        this.lines = new int[values.length];
    }

    void set(int index, int line, Object value) {
        lines[index] = line;
        values[index] = value;
    }

    boolean has(int index) {
        return lines[index] > 0;
    }

    /** Whether {@code field} is set in the document, valid or not. */
    boolean has(Field<?> field) {
        return has(index(field));
    }

    /** The line of {@code field}'s value; 0 when it is unset. */
    int line(Field<?> field) {
        return lines[index(field)];
    }

    /** The field's valid value, else its fallback (null when it has none). */
    @SuppressWarnings("unchecked")
    <T> T get(Field<T> field) {
        Object value = values[index(field)];
        return value != null ? (T) value : field.fallback();
    }

    <T> Optional<T> find(Field<T> field) {
        return Optional.ofNullable(get(field));
    }

    private int index(Field<?> field) {
        int index = section.indexOf(field);
        if (index < 0) {
            throw new IllegalArgumentException(field.name() + " is not a field of this mapping");
        }
        return index;
    }
}
