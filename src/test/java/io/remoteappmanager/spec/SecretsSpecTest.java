package io.remoteappmanager.spec;

import static io.remoteappmanager.spec.SpecYaml.app;
import static io.remoteappmanager.spec.SpecYaml.parse;
import static io.remoteappmanager.spec.SpecYaml.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.AppSpec.SecretDelivery;
import io.remoteappmanager.model.AppSpec.SecretRef;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code secrets} field: a short form (the file's name) and a long form ({@code file}, {@code as}), plain names only. */
class SecretsSpecTest {

    @Test
    void shortAndLongFormsNameAFileAndHowTheAppGetsIt() {
        ParsedFile parsed = parse(app("db", "alice", "secrets:",
                "  DB_PASSWORD: db-password",
                "  LICENSE_FILE: {file: licence.key, as: file}",
                "  TOKEN: {file: token}"));

        assertThat(problems(parsed)).isEmpty();
        AppSpec spec = parsed.specs().get(0);
        assertThat(spec.secrets()).isEqualTo(Map.of(
                "DB_PASSWORD", new SecretRef("db-password", SecretDelivery.env, Optional.empty()),
                "LICENSE_FILE", new SecretRef("licence.key", SecretDelivery.file, Optional.empty()),
                "TOKEN", new SecretRef("token", SecretDelivery.env, Optional.empty())));
        assertThat(spec.origin().lineOf("secrets.LICENSE_FILE")).isEqualTo(10);
    }

    @Test
    void aNameWithASeparatorDotsOrALeadingDotIsRefused() {
        ParsedFile parsed = parse(app("db", "alice", "secrets:",
                "  A: ../etc/shadow",
                "  B: dir/file",
                "  C: {file: a..b}",
                "  D: .hidden",
                "  E: /abs"));

        assertThat(parsed.specs()).isEmpty();
        assertThat(problems(parsed)).hasSize(5).allSatisfy(problem -> assertThat(problem)
                .contains("expected a file name in ram.secrets.dir"));
        assertThat(problems(parsed).get(0)).startsWith("alice.yaml:9: spec.secrets.A:");
    }

    @Test
    void aVariableTheEnvironmentSetsTooIsRefused() {
        ParsedFile parsed = parse(app("db", "alice", "environment: {DB_PASSWORD: plain}", "secrets:",
                "  DB_PASSWORD: db-password"));

        assertThat(problems(parsed)).containsExactly("alice.yaml:10: spec.secrets.DB_PASSWORD: is set in spec.environment too");
    }

    @Test
    void anUnknownDeliveryOrFieldIsRefused() {
        ParsedFile parsed = parse(app("db", "alice", "secrets:",
                "  A: {file: a, as: volume}",
                "  B: {file: b, mode: 0400}",
                "  C: [a]"));

        assertThat(problems(parsed)).hasSize(3);
        assertThat(problems(parsed).get(0)).contains("spec.secrets.A.as").contains("one of env, file");
        assertThat(problems(parsed).get(1)).contains("spec.secrets.B.mode: unknown field");
        assertThat(problems(parsed).get(2)).contains("spec.secrets.C");
    }
}
