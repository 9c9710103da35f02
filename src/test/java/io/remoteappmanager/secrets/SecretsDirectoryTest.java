package io.remoteappmanager.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secrets directory's policy (plain names, nothing outside it) and its digests, which follow the content. */
class SecretsDirectoryTest {

    static final String VALUE = "s3cr3t-value";

    @TempDir
    Path root;

    @Test
    void theDigestIsTheContentsAndFollowsAChange() throws IOException {
        Path dir = Files.createDirectories(root.resolve("secrets"));
        Files.writeString(dir.resolve("db-password"), VALUE);
        SecretsDirectory secrets = new SecretsDirectory(dir);

        String first = secrets.digest("db-password");
        assertThat(first).isEqualTo(SecretsDirectory.sha256(VALUE.getBytes())).hasSize(64);
        assertThat(secrets.digest("db-password")).isEqualTo(first);
        Files.writeString(dir.resolve("db-password"), "another");
        Files.setLastModifiedTime(dir.resolve("db-password"), FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(secrets.digest("db-password")).isNotEqualTo(first);
        assertThat(secrets.content("db-password")).asString().isEqualTo("another");
    }

    @Test
    void namesWithSeparatorsOrDotsAreRefusedUnread() throws IOException {
        Path dir = Files.createDirectories(root.resolve("secrets/inner"));
        Files.writeString(root.resolve("outside"), VALUE);
        Files.writeString(dir.resolve("x"), VALUE);
        SecretsDirectory secrets = new SecretsDirectory(root.resolve("secrets"));

        for (String name : new String[] {"../outside", "inner/x", "..", ".hidden", "/etc/passwd", "a..b"}) {
            assertThatThrownBy(() -> secrets.digest(name)).as(name).isInstanceOf(SecretUnavailableException.class)
                    .hasMessageContaining("is not a file name in ram.secrets.dir");
        }
    }

    @Test
    void aSymlinkOutOfTheDirectoryIsRefusedAndOneWithinItIsFollowed() throws IOException {
        Path dir = Files.createDirectories(root.resolve("secrets"));
        Files.writeString(root.resolve("outside"), VALUE);
        Files.createSymbolicLink(dir.resolve("escape"), root.resolve("outside"));
        Files.createDirectories(dir.resolve("..data"));
        Files.writeString(dir.resolve("..data/token"), VALUE);
        Files.createSymbolicLink(dir.resolve("token"), Path.of("..data/token"));
        SecretsDirectory secrets = new SecretsDirectory(dir);

        assertThatThrownBy(() -> secrets.digest("escape")).isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("outside the secrets directory").hasMessageNotContaining(VALUE);
        assertThat(secrets.content("token")).asString().as("a Kubernetes secret volume's layout").isEqualTo(VALUE);
    }

    @Test
    void aMissingOrUnreadableFileIsNamedAndNothingOfItsContentIsSaid() throws IOException {
        Path dir = Files.createDirectories(root.resolve("secrets"));
        Files.createDirectories(dir.resolve("folder"));
        SecretsDirectory secrets = new SecretsDirectory(dir);

        assertThatThrownBy(() -> secrets.digest("db-password")).isInstanceOf(SecretUnavailableException.class)
                .hasMessage("secret file " + dir.resolve("db-password") + " does not exist");
        assertThatThrownBy(() -> secrets.digest("folder")).hasMessageEndingWith("folder is not a regular file");
    }
}
