package io.remoteappmanager.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The API's access rule from {@code ram.api.*}: when a token is set, every request but a read needs
 * {@code Authorization: Bearer <token>}, and reads too unless {@code ram.api.token-for-reads=false}.
 * A bean of its own so the filter, built before runtime config exists, gets its settings on first use.
 */
@ApplicationScoped
public class ApiAccess {

    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> token;
    private final boolean forReads;

    /**
     * The rule's settings ({@code ram.api.*}).
     *
     * @param token         the bearer token; empty or blank: none, the API is open
     * @param tokenForReads whether GET requests need the token too
     */
    public record Settings(Optional<String> token, boolean tokenForReads) {}

    public ApiAccess(Settings settings) {
        this.token = settings.token().filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.forReads = settings.tokenForReads();
    }

    /** What the start-up log says when no token is set: anyone who reaches {@code host:port} may act. */
    public Optional<String> openWarning(String host, String port) {
        return token.isPresent() ? Optional.empty() : Optional.of("ram.api.token is not set: the API on " + host + ":"
                + port + " (reconcile, plan, status) is open to anyone who can reach that address");
    }

    /** Why this request is refused, or empty when it may go on. */
    public Optional<String> refusal(boolean read, String authorization) {
        if (token.isEmpty() || (read && !forReads)) {
            return Optional.empty();
        }
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return Optional.of("missing token: send 'Authorization: Bearer <ram.api.token>'");
        }
        byte[] given = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token.get(), given) ? Optional.empty()
                : Optional.of("wrong token in the Authorization header");
    }
}
