package io.remoteappmanager.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppSpec.SecretDelivery;
import io.remoteappmanager.model.AppSpec.SecretRef;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A secret's content on its way to the engine: a variable loses the file's one line end, and the value never prints. */
class SecretValueTest {

    static SecretValue of(String content) {
        return new SecretValue("DB_PASSWORD", new SecretRef("db-password", SecretDelivery.env, Optional.of("ab12")), "ab12",
                content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aVariableTakesTheContentWithoutItsOneLineEnd() {
        assertThat(of("pw\n").environmentValue()).isEqualTo("pw");
        assertThat(of("pw\r\n").environmentValue()).isEqualTo("pw");
        assertThat(of("pw\n\n").environmentValue()).as("only one").isEqualTo("pw\n");
        assertThat(of("pw").environmentValue()).isEqualTo("pw");
    }

    @Test
    void itsTextNamesTheSecretAndNeverHoldsTheValue() {
        assertThat(of("hunter2-value")).asString().contains("DB_PASSWORD", "db-password").doesNotContain("hunter2");
    }
}
