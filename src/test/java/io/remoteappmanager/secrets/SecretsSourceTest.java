package io.remoteappmanager.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.actuator.ContainerTemplate;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.spec.SpecParser;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.Templates;
import io.remoteappmanager.testing.TestEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each app's secrets read at every read of the source: the digest of an unchanged file leaves the spec (and so its
 * hash) as it was, a changed one changes the hash, and one that cannot be read makes that app alone Invalid, with a
 * problem naming the file and never its content.
 */
class SecretsSourceTest {

    static final String VALUE = "hunter2-db-password";
    static final AppKey DB = new AppKey("alice", "db");
    static final AppKey WEB = new AppKey("alice", "web");

    @TempDir
    Path dir;

    final RecordedSource specs = new RecordedSource();
    final ContainerTemplate template = Templates.of(TestEngine.config(Map.of()));

    @Test
    void anUnchangedFileGivesTheSameSpecAndAChangedOneAnotherHash() throws IOException {
        Files.writeString(dir.resolve("db-password"), VALUE);
        specs.state = desired(SpecFiles.app("db", "alice", TestEngine.HTTPD, "secrets: {DB_PASSWORD: db-password}"));
        SecretsSource source = new SecretsSource(specs, Optional.of(new SecretsDirectory(dir)));

        DesiredState first = source.read();
        AppSpec spec = first.apps().get(DB);
        assertThat(spec.secrets().get("DB_PASSWORD").digest()).hasValue(SecretsDirectory.sha256(VALUE.getBytes()));
        assertThat(source.read()).as("nothing changed: the same state").isSameAs(first);

        Files.writeString(dir.resolve("db-password"), "changed");
        Files.setLastModifiedTime(dir.resolve("db-password"), FileTime.from(Instant.now().plusSeconds(5)));
        AppSpec changed = source.read().apps().get(DB);
        assertThat(template.specHash(changed)).isNotEqualTo(template.specHash(spec));
        assertThat(String.valueOf(changed)).doesNotContain("changed").doesNotContain(VALUE);
    }

    @Test
    void aMissingFileMakesItsAppAloneInvalidAndNamesTheFileOnly() throws IOException {
        Files.writeString(dir.resolve("db-password"), VALUE);
        specs.state = desired(SpecFiles.app("db", "alice", TestEngine.HTTPD, "secrets:", "  DB_PASSWORD: db-password",
                "  TOKEN: {file: token, as: file}") + "---\n" + SpecFiles.app("web", "alice", TestEngine.HTTPD));
        SecretsSource source = new SecretsSource(specs, Optional.of(new SecretsDirectory(dir)));

        DesiredState read = source.read();

        assertThat(read.apps()).containsOnlyKeys(WEB);
        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(SpecProblem.Kind.SECRET);
            assertThat(problem.key()).hasValue(DB);
            assertThat(problem).hasToString("alice.yaml:10: db: secrets.TOKEN: secret file " + dir.resolve("token")
                    + " does not exist");
        });
        assertThat(read.problems().toString()).doesNotContain(VALUE);
    }

    @Test
    void withoutADirectoryAnAppThatNamesASecretIsInvalidAndOthersAreUntouched() {
        specs.state = desired(SpecFiles.app("db", "alice", TestEngine.HTTPD, "secrets: {DB_PASSWORD: db-password}")
                + "---\n" + SpecFiles.app("web", "alice", TestEngine.HTTPD));
        SecretsSource source = new SecretsSource(specs, Optional.empty());

        DesiredState read = source.read();

        assertThat(read.apps()).containsOnlyKeys(WEB);
        assertThat(read.problems()).extracting(SpecProblem::message)
                .containsExactly("db: secrets.DB_PASSWORD: secret file db-password cannot be read: ram.secrets.dir is not set");
    }

    @Test
    void aSourceWithoutSecretsIsPassedThroughAsItIs() {
        specs.state = desired(SpecFiles.app("web", "alice", TestEngine.HTTPD));

        assertThat(new SecretsSource(specs, Optional.empty()).read()).isSameAs(specs.state);
    }

    private static DesiredState desired(String yaml) {
        List<AppSpec> parsed = SpecParser.parse("alice.yaml", yaml.getBytes(StandardCharsets.UTF_8)).specs();
        assertThat(parsed).isNotEmpty();
        return new DesiredState(parsed.stream().collect(Collectors.toMap(AppSpec::key, s -> s)), List.of(), Set.of(),
                Set.of(), true, Set.of());
    }
}
