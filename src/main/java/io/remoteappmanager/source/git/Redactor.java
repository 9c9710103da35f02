package io.remoteappmanager.source.git;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of everything the git source shows (status, logs, metrics, exception messages): URLs lose
 * their user info (ssh URLs keep the user name, which is not a secret), and the configured password or token is
 * masked wherever a library message repeats it.
 */
public final class Redactor {

    private static final Pattern USER_INFO = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*)://([^/@\\s]*)@");
    private static final String MASK = "***";

    private final Optional<String> secret;

    /** @param secret the password or token to mask in messages, if one is configured */
    public Redactor(Optional<String> secret) {
        this.secret = secret.filter(s -> s.length() >= 3);
    }

    /** {@code url} without credentials: {@code https://user:token@host/x} becomes {@code https://host/x}. */
    public static String url(String url) {
        return stripUserInfo(url);
    }

    /** {@code message} with every URL's credentials removed and the configured secret masked. */
    public String clean(String message) {
        if (message == null) {
            return null;
        }
        String cleaned = stripUserInfo(message);
        return secret.map(s -> cleaned.replace(s, MASK)).orElse(cleaned);
    }

    /** What went wrong, for status and logs: the exception and its causes' messages, cleaned. */
    public String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < 1000; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return clean(text.toString());
    }

    private static String stripUserInfo(String text) {
        Matcher m = USER_INFO.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String scheme = m.group(1);
            String user = m.group(2);
            int colon = user.indexOf(':');
            String kept = scheme.toLowerCase(java.util.Locale.ROOT).startsWith("ssh") && !user.isEmpty()
                    ? (colon < 0 ? user : user.substring(0, colon)) + "@" : "";
            m.appendReplacement(out, Matcher.quoteReplacement(scheme + "://" + kept));
        }
        m.appendTail(out);
        return out.toString();
    }
}
