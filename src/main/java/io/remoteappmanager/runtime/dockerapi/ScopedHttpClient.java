package io.remoteappmanager.runtime.dockerapi;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;

/**
 * docker-java's HTTP client, telling {@link EngineCalls} which thread runs each request, so that a call past its
 * deadline can interrupt the threads blocked on its connection, streamed responses included.
 */
final class ScopedHttpClient implements DockerHttpClient {

    private final DockerHttpClient delegate;

    ScopedHttpClient(DockerHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public Response execute(Request request) {
        EngineCalls.enlistCurrentThread();
        return delegate.execute(request);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
