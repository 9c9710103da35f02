package io.remoteappmanager.spec;

import java.util.regex.Pattern;

/**
 * The text rules of the spec format in one place, so the parser, the API and any
 * other input path accept exactly the same names, ids and paths.
 */
public final class SpecPatterns {

    /** metadata.name: a DNS label, as Kubernetes object names. */
    public static final TextRule NAME = new TextRule("[a-z0-9]([-a-z0-9]*[a-z0-9])?", 63,
            "a lowercase DNS label ([a-z0-9]([-a-z0-9]*[a-z0-9])?, at most 63 characters)");

    /** spec.user: a login name, e-mail-like names included (the part before {@code @} becomes {@code USER}). */
    public static final TextRule USER = new TextRule("[A-Za-z0-9][A-Za-z0-9_.@-]*", 64,
            "a user name ([A-Za-z0-9][A-Za-z0-9_.@-]*, at most 64 characters)");

    /** spec.mappingId: the application id of the user's mapping. */
    public static final TextRule MAPPING_ID = new TextRule("[A-Za-z0-9_.-]+", 64,
            "a mapping id ([A-Za-z0-9_.-], 1 to 64 characters)");

    /** spec.urlId: lowercase hex, as the seed's uuid4 hex. */
    public static final TextRule URL_ID = new TextRule("[a-f0-9]{8,}", 64,
            "a url id (lowercase hex, 8 to 64 characters)");

    /**
     * spec.image: a Docker image reference, {@code [registry[:port]/]path[:tag][@digest]} (the grammar of
     * distribution/reference, with unambiguous separators so that matching stays linear).
     */
    public static final TextRule IMAGE = new TextRule(
            "(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
                    + "(?::[0-9]{1,5})?/)?"
                    + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
                    + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
                    + "(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?",
            255, "an image reference such as registry:5000/team/app:1.2 (lowercase repository, at most 255 characters)");

    /**
     * spec.baseUrlPath: an absolute URL path of RFC 3986 path characters ({@code pchar} and {@code /}) and valid
     * {@code %XX} escapes, with no {@code ..} segment, plain or escaped: what every proxy and HTTP client passes on
     * unchanged, so the route, the probe and the browser all mean the same path.
     */
    public static final TextRule URL_PATH = new TextRule(
            "(?!.*/(?:\\.|%2[eE]){2}(?:/|$))/(?:[A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-Fa-f]{2})*", 255,
            "an absolute URL path of RFC 3986 path characters (letters, digits, - . _ ~ ! $ & ' ( ) * + , ; = : @ /"
                    + " and %XX escapes; no .. segment; at most 255 characters)");

    /**
     * A volume's host source: an absolute path without {@code ..} segment; {@code :} and {@code ,} are refused
     * because Docker's bind syntax ({@code src:dst:mode}) splits on them.
     */
    public static final TextRule HOST_PATH = new TextRule("(?!.*/\\.\\.(?:/|$))/[^\\x00-\\x1f\\x7f:,]*", 4096,
            "an absolute path (starting with /, no .. segment, no : or ,)");

    /** A volume's bind target inside the container: as {@link #HOST_PATH}, but never the root itself. */
    public static final TextRule CONTAINER_PATH = new TextRule("(?!/$)" + HOST_PATH.pattern().pattern(), 4096,
            "an absolute path other than / (no .. segment, no : or ,)");

    /** An environment variable name, as POSIX shells accept. */
    public static final TextRule ENV_NAME = new TextRule("[A-Za-z_][A-Za-z0-9_]*", 255,
            "an environment variable name ([A-Za-z_][A-Za-z0-9_]*)");

    /**
     * A secret's file name in {@code ram.secrets.dir}: one plain name, so never a path separator, never {@code ..}, and
     * never hidden (a Kubernetes secret volume keeps its bookkeeping in {@code ..data} and dot files).
     */
    public static final TextRule SECRET_NAME = new TextRule("(?!.*\\.\\.)[A-Za-z0-9_][A-Za-z0-9_.-]*", 100,
            "a file name in ram.secrets.dir ([A-Za-z0-9_][A-Za-z0-9_.-]*, no '..', at most 100 characters)");

    /**
     * spec.readiness.path and spec.liveness.path: an absolute URL path, which may start with {@code {urlpath}} (the
     * app's urlpath).
     */
    public static final TextRule READINESS_PATH = new TextRule("(?:\\{urlpath\\})?" + URL_PATH.pattern().pattern(), 255,
            "an absolute URL path, optionally starting with {urlpath} (such as {urlpath}/api/status)");

    /**
     * One of spec.placement.constraints: a Swarm constraint, {@code <node attribute or label> ==|!= <value>}, passed to
     * Swarm as written (Swarm itself checks the attribute names).
     */
    public static final TextRule CONSTRAINT = new TextRule("[A-Za-z0-9_.-]+ *(?:==|!=) *[^\\x00-\\x20\\x7f][^\\x00-\\x1f\\x7f]*", 255,
            "a Swarm constraint <attribute> == <value> or <attribute> != <value>, such as node.role == worker");

    /** A node attribute or label to spread over (a spec.placement.preferences entry's {@code spread}). */
    public static final TextRule SPREAD = new TextRule("[A-Za-z0-9_.-]+", 255,
            "a node attribute or label to spread over, such as node.labels.zone");

    /** A positive duration in milliseconds, seconds or minutes ({@code 100ms}, {@code 30s}, {@code 2m}). */
    public static final TextRule DURATION = new TextRule("[1-9][0-9]{0,5}(ms|s|m)", 8,
            "a positive duration such as 100ms, 30s or 2m");

    /** spec.idleTimeout: a positive duration in seconds, minutes or hours ({@code 90s}, {@code 30m}, {@code 8h}). */
    public static final TextRule IDLE_TIMEOUT = new TextRule("[1-9][0-9]{0,5}(s|m|h)", 7,
            "a positive duration such as 90s, 30m or 8h");

    private SpecPatterns() {}

    /**
     * One rule for a piece of text: a length cap checked first (so no pattern ever runs on hostile lengths),
     * then a full-match pattern; {@code expected} says in words what is accepted, for error messages. Patterns are
     * written in what Java and ECMA-262 regular expressions share, as the editors' JSON Schema carries them too.
     */
    public record TextRule(Pattern pattern, int maxLength, String expected) {

        TextRule(String regex, int maxLength, String expected) {
            this(Pattern.compile(regex), maxLength, expected);
        }

        public boolean accepts(String text) {
            return text.length() <= maxLength && PatternMatch.matches(pattern, text);
        }
    }
}
