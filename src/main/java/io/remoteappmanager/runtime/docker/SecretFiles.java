package io.remoteappmanager.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import io.remoteappmanager.runtime.SecretValue;
import io.remoteappmanager.runtime.dockerapi.EngineClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Puts an app's file secrets at {@code /run/secrets/<file>} in its created container, before its first start, with one
 * archive upload ({@code docker cp}'s call), owned by root and readable by every user of the container (0444), as Swarm
 * mounts its secrets. A copy rather than a bind mount: the engine may run elsewhere than the controller, the file's own
 * owner and mode on the host would decide whether the app's user can read it, and the volume policy forbids binding
 * from {@code /run} (where secret mounts usually are). A restart keeps the file; a changed secret recreates the app.
 */
final class SecretFiles {

    private static final int READ_ONLY_FOR_ALL = 0444;

    private SecretFiles() {}

    /** Copies the file secrets of {@code secrets} into container {@code id}; none, no call. */
    static void copyInto(EngineClient engine, DockerClient docker, String id, List<SecretValue> secrets) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        secrets.stream().filter(SecretValue::asFile).forEach(s -> files.put(s.ref().file(), s.content()));
        if (files.isEmpty()) {
            return;
        }
        byte[] archive = archive(files);
        engine.call("copy secrets " + id, () -> docker.copyArchiveToContainerCmd(id).withRemotePath("/")
                .withTarInputStream(new ByteArrayInputStream(archive)).exec());
    }

    /** A tar of {@code run/secrets/<name>} for each file, unpacked at {@code /}: the engine creates missing folders. */
    static byte[] archive(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry("run/secrets/" + file.getKey());
                entry.setSize(file.getValue().length);
                entry.setMode(READ_ONLY_FOR_ALL);
                entry.setIds(0, 0);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the archive of secret files", e);
        }
        return bytes.toByteArray();
    }
}
