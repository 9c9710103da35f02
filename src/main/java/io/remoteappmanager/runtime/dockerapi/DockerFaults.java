package io.remoteappmanager.runtime.dockerapi;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.remoteappmanager.runtime.EngineUnavailableException;
import io.remoteappmanager.runtime.ImageNotFoundException;
import io.remoteappmanager.runtime.LaunchFailedException;
import io.remoteappmanager.runtime.NameConflictException;
import io.remoteappmanager.runtime.RuntimeFault;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;

/** Translates docker-java's exceptions into ours, naming the operation that failed. */
final class DockerFaults {

    private DockerFaults() {}

    static RuntimeFault translate(String operation, RuntimeException e) {
        String message = operation + " failed: " + describe(e);
        if (e instanceof ConflictException && operation.startsWith("create")) {
            return new NameConflictException(message, e);
        }
        if (e instanceof NotFoundException && operation.startsWith("create")) {
            // the engine's 404 on create is either "No such image" or "network X not found"; only the first is pulled
            return describe(e).contains("network") ? new LaunchFailedException(message, e)
                    : new ImageNotFoundException(message, e);
        }
        if (causedBy(e, ClosedByInterruptException.class)) {
            return new RuntimeFault(operation + " interrupted: the controller is stopping or the call passed its deadline", e);
        }
        if (!(e instanceof DockerException) && causedByIo(e)) {
            return new EngineUnavailableException(operation + " failed: Docker engine unreachable: " + describe(e), e);
        }
        return new RuntimeFault(message, e);
    }

    private static boolean causedByIo(Throwable e) {
        return causedBy(e, IOException.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost useful message: docker-java wraps the engine's JSON error in its own text. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getMessage() != null ? e.getMessage() : root.toString();
        if (root != e && root.getMessage() != null && !text.contains(root.getMessage())) {
            text = text + " (" + root.getMessage() + ")";
        }
        return text.replaceAll("\\s+", " ").trim();
    }
}
