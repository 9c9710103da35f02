package io.remoteappmanager.api;

import io.remoteappmanager.config.RamConfig;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Enforces {@code ram.api.token}: when set, every request but a read needs {@code Authorization: Bearer <token>},
 * and reads too unless {@code ram.api.token-for-reads=false}. Without a token the API is open (it listens on loopback).
 */
@Provider
public class TokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> token;
    private final boolean forReads;

    public TokenFilter(RamConfig config) {
        this.token = config.api().token().filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.forReads = config.api().tokenForReads();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (token.isEmpty() || (isRead(request.getMethod()) && !forReads)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            request.abortWith(ApiError.response(401, "missing token: send 'Authorization: Bearer <ram.api.token>'"));
        } else if (!MessageDigest.isEqual(token.get(), header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(ApiError.response(401, "wrong token in the Authorization header"));
        }
    }

    private static boolean isRead(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }
}
