package io.remoteappmanager.cli;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.testing.SpecFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** {@code validate DIR}: exit codes 0, 1 and 2 and the {@code file:line: message} lines CI logs show. */
@Execution(ExecutionMode.CONCURRENT)
class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void validDirectoryExitsZero() {
        SpecFiles.write(dir, "alice.yaml", SpecFiles.app("alice-web", "alice", HTTPD));
        SpecFiles.write(dir, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD, "restartPolicy: Never"));

        CliRun run = CliRun.of("validate", dir.toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("2 app(s), valid");
    }

    @Test
    void aSecretMissingFromTheSecretsDirIsAProblemAndAPresentOneIsNeverPrinted() throws Exception {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("db-password"), "value-of-the-secret");
        Path specs = dir.resolve("specs");
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-db", "alice", HTTPD, "secrets:",
                "  DB_PASSWORD: db-password", "  LICENSE: {file: licence, as: file}"));

        CliRun run = CliRun.of("validate", "--secrets-dir", secrets.toString(), specs.toString());
        CliRun unchecked = CliRun.of("validate", specs.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^alice\\.yaml:10: alice-db: secrets\\.LICENSE: secret file .*/secrets/licence"
                + " does not exist$").doesNotContain("value-of-the-secret");
        assertThat(unchecked.code()).as("without a secrets dir, secrets are not checked").isZero();
    }

    @Test
    void exampleSpecsAreValid() {
        CliRun run = CliRun.of("validate", "config/specs");

        assertThat(run.code()).as(run.out()).isZero();
    }

    @Test
    void invalidFieldIsPrintedAsFileLineMessageAndExitsOne() {
        SpecFiles.write(dir, "good.yaml", SpecFiles.app("alice-web", "alice", HTTPD));
        SpecFiles.write(dir, "bad.yaml", SpecFiles.app("bob-web", "bob", HTTPD, "restartPolicy: Sometimes"));

        CliRun run = CliRun.of("validate", dir.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^bad\\.yaml:8: .*restartPolicy.*Always.*$");
        assertThat(run.out()).doesNotContain("good.yaml");
        assertThat(run.out().strip()).as("the summary comes last, on the same stream").endsWith("1 problem(s)");
    }

    @Test
    void policyViolationIsReportedAsTheControllerWouldRefuseIt() {
        SpecFiles.write(dir, "root.yaml", SpecFiles.app("eve-web", "eve", HTTPD,
                "volumes:", "  /etc: {bind: /host-etc, mode: ro}"));

        CliRun run = CliRun.of("validate", dir.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).as("the line of the volume, not of the document")
                .containsPattern("(?m)^root\\.yaml:9: .*/etc.*$");
    }

    @Test
    void conflictingSpecsExitOne() {
        SpecFiles.write(dir, "one.yaml", SpecFiles.app("web-one", "alice", HTTPD, "mappingId: web"));
        SpecFiles.write(dir, "two.yaml", SpecFiles.app("web-two", "alice", HTTPD, "mappingId: web"));

        CliRun run = CliRun.of("validate", dir.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("one.yaml:").contains("two.yaml:");
    }

    @Test
    void missingArgumentIsAUsageError() {
        CliRun run = CliRun.of("validate");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter").contains("DIR");
    }

    @Test
    void missingDirectoryIsAUsageError() {
        CliRun run = CliRun.of("validate", dir.resolve("nothing-here").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("not a directory: ");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of("frobnicate");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("frobnicate");
    }
}
