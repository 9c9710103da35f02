package io.remoteappmanager.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/** The archive a container's file secrets are uploaded in: each at run/secrets/<file>, root's, 0444, byte for byte. */
class SecretFilesTest {

    @Test
    void eachFileLandsUnderRunSecretsReadOnlyForAllAndUnchanged() throws IOException {
        byte[] binary = {0, (byte) 0xff, 10, 13};
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("licence", binary);
        files.put("token", "t0ken\n".getBytes());

        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(SecretFiles.archive(files)))) {
            TarArchiveEntry first = tar.getNextEntry();
            assertThat(first.getName()).isEqualTo("run/secrets/licence");
            assertThat(first.getMode() & 0777).isEqualTo(0444);
            assertThat(first.getLongUserId()).isZero();
            assertThat(tar.readAllBytes()).isEqualTo(binary);
            assertThat(tar.getNextEntry().getName()).isEqualTo("run/secrets/token");
            assertThat(tar.readAllBytes()).asString().isEqualTo("t0ken\n");
            assertThat(tar.getNextEntry()).isNull();
        }
    }
}
