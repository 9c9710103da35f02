package io.remoteappmanager.spec;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full matches of the spec format's patterns with one reused {@link Matcher} per pattern and thread: a new matcher
 * (its group and loop bookkeeping) for every field of every file was a good part of what a directory read allocated.
 */
final class PatternMatch {

    private static final ThreadLocal<Map<Pattern, Matcher>> MATCHERS = ThreadLocal.withInitial(IdentityHashMap::new);

    private PatternMatch() {}

    static boolean matches(Pattern pattern, String text) {
        Matcher matcher = MATCHERS.get().computeIfAbsent(pattern, p -> p.matcher(""));
        boolean matches = matcher.reset(text).matches();
        matcher.reset("");
        return matches;
    }
}
