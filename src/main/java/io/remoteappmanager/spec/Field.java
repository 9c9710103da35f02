package io.remoteappmanager.spec;

/**
 * One named field of a mapping in the spec format: its rule, whether it is required, the value it takes when unset
 * (null: none), and a sentence for the editors' schema.
 *
 * @param <T> what a valid value becomes
 */
record Field<T>(String name, Rule<T> rule, boolean required, T fallback, String description) {

    static <T> Field<T> required(String name, Rule<T> rule, String description) {
        return new Field<>(name, rule, true, null, description);
    }

    static <T> Field<T> optional(String name, Rule<T> rule, String description) {
        return new Field<>(name, rule, false, null, description);
    }

    static <T> Field<T> optional(String name, Rule<T> rule, T fallback, String description) {
        return new Field<>(name, rule, false, fallback, description);
    }
}
