package io.remoteappmanager.spec;

import com.fasterxml.jackson.core.JsonToken;
import io.remoteappmanager.spec.YamlCursor.Refused;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A list whose items each follow {@code item}; the items are named {@code field[i]} in messages. */
record ListOf<T>(Rule<T> item, String expected) implements Rule<List<T>> {

    @Override
    public List<T> read(YamlCursor in, String field, int line) throws IOException, Refused {
        if (in.token() != JsonToken.START_ARRAY) {
            in.fail(field, expected);
            return null;
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; in.next() != JsonToken.END_ARRAY; i++) {
            T value = item.read(in, field + "[" + i + "]", in.line());
            if (value != null) {
                items.add(value);
            }
        }
        return items;
    }
}
