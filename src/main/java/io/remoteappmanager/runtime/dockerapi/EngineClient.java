package io.remoteappmanager.runtime.dockerapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.runtime.EngineTimeoutException;
import io.remoteappmanager.runtime.RuntimeFault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One connection to a Docker engine, shared by both runtimes: docker-java's typed client, a raw JSON request on the
 * same transport for what docker-java's models lack, and every call under its deadline ({@link EngineCalls}),
 * counted in {@code ram.docker.api.calls{operation}} (the operation's first word) and failing with our faults.
 */
public final class EngineClient implements AutoCloseable {

    /** The setting that bounds every call but a pull. */
    public static final String CALL_TIMEOUT = "ram.docker.call-timeout";

    private static final Logger LOG = Logger.getLogger(EngineClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerClient docker;
    private final DockerHttpClient http;
    private final String apiPath;
    private final EngineCalls calls = new EngineCalls();
    private final MeterRegistry metrics;
    private final Duration callTimeout;

    private EngineClient(DockerClientConfig config, DockerHttpClient http, MeterRegistry metrics, Duration callTimeout) {
        this.docker = DockerClientImpl.getInstance(config, http);
        this.http = http;
        this.apiPath = config.getApiVersion().asWebPathPart();
        this.metrics = metrics;
        this.callTimeout = callTimeout;
    }

    /** Connects lazily: nothing is sent to the engine until the first call. */
    public static EngineClient connect(EngineSettings settings, MeterRegistry metrics) {
        DockerClientConfig clientConfig = DockerClients.clientConfig(settings);
        return new EngineClient(clientConfig, DockerClients.http(clientConfig), metrics, settings.callTimeout());
    }

    /** How long one call but a pull may take ({@code ram.docker.call-timeout}). */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** The typed client; call it only inside {@link #call}. */
    public DockerClient docker() {
        return docker;
    }

    /** Runs {@code body} as the engine call {@code operation}, within {@code ram.docker.call-timeout}. */
    public <T> T call(String operation, Supplier<T> body) {
        return call(operation, callTimeout, CALL_TIMEOUT, body);
    }

    public void run(String operation, Runnable body) {
        call(operation, () -> {
            body.run();
            return null;
        });
    }

    /** Runs {@code body} as the engine call {@code operation}, within {@code deadline} (named by {@code setting}). */
    public <T> T call(String operation, Duration deadline, String setting, Supplier<T> body) {
        count(operation);
        try {
            return calls.run(operation, deadline, setting, () -> {
                try {
                    return body.get();
                } catch (RuntimeFault fault) {
                    throw fault;
                } catch (RuntimeException e) {
                    throw DockerFaults.translate(operation, e);
                }
            });
        } catch (EngineTimeoutException timeout) {
            metrics.counter("ram.docker.api.timeouts", "operation", verb(operation)).increment();
            throw timeout;
        }
    }

    /** The call's answer, or empty when the engine says the object does not exist (404). */
    public <T> Optional<T> unlessNotFound(String operation, Supplier<T> body) {
        try {
            return Optional.ofNullable(call(operation, body));
        } catch (RuntimeFault fault) {
            rethrowUnlessNotFound(fault);
            return Optional.empty();
        }
    }

    /** Lets a 404 pass (the object is gone, which is what the caller wanted); any other fault is thrown again. */
    public static void rethrowUnlessNotFound(RuntimeFault fault) {
        if (!(fault.getCause() instanceof NotFoundException)) {
            throw fault;
        }
    }

    /** Counts a call that does not go through {@link #call}, such as subscribing to events. */
    public void count(String operation) {
        metrics.counter("ram.docker.api.calls", "operation", verb(operation)).increment();
    }

    /**
     * One request with a JSON body (or none) and a JSON answer (or null), for fields and headers docker-java's typed
     * commands do not carry; call it only inside {@link #call}. An error status is thrown as the exception docker-java
     * throws for it, so faults read the same whichever way a request went.
     */
    public JsonNode send(DockerHttpClient.Request.Method method, String path, Map<String, String> headers, JsonNode body) {
        DockerHttpClient.Request.Builder request = DockerHttpClient.Request.builder().method(method).path(apiPath + path)
                .putAllHeaders(headers);
        try {
            if (body != null) {
                request.putHeader("Content-Type", "application/json").bodyBytes(JSON.writeValueAsBytes(body));
            }
            try (DockerHttpClient.Response response = http.execute(request.build())) {
                byte[] answer = response.getBody().readAllBytes();
                if (response.getStatusCode() >= 400) {
                    throw failure(response.getStatusCode(), message(answer));
                }
                return answer.length == 0 ? null : JSON.readTree(answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        calls.close();
        try {
            docker.close();
        } catch (IOException e) {
            LOG.debugf("closing the Docker client: %s", e.getMessage());
        }
    }

    private static DockerException failure(int status, String message) {
        return switch (status) {
            case 400 -> new BadRequestException(message);
            case 404 -> new NotFoundException(message);
            case 409 -> new ConflictException(message);
            case 500 -> new InternalServerErrorException(message);
            default -> new DockerException(message, status);
        };
    }

    /** The engine's own words: the {@code message} of its JSON error, else the body as text. */
    private static String message(byte[] answer) {
        try {
            JsonNode error = JSON.readTree(answer);
            if (error != null && error.hasNonNull("message")) {
                return error.get("message").asText();
            }
        } catch (IOException notJson) {
            // fall through to the text
        }
        return new String(answer, java.nio.charset.StandardCharsets.UTF_8).strip();
    }

    private static String verb(String operation) {
        return operation.split(" ", 2)[0];
    }
}
