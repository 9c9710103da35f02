package io.remoteappmanager.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.remoteappmanager.model.SpecProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The YAML layer under the spec readers (Jackson's parser, the cursor's limits, the failures' words): scalars keep the
 * text they were written with, every token knows its line, and YAML the format refuses is one located problem.
 */
class YamlInputTest {

    /** Each token of {@code yaml} as {@code line:TOKEN text}, text as the readers see it (null for null). */
    private static List<String> tokens(String yaml) throws Exception {
        List<String> tokens = new ArrayList<>();
        try (JsonParser parser = YamlInput.open(yaml.getBytes(StandardCharsets.UTF_8))) {
            YamlCursor in = new YamlCursor(parser);
            for (JsonToken token = in.next(); token != null; token = in.next()) {
                tokens.add(in.line() + ":" + token + " " + in.text());
            }
        }
        return tokens;
    }

    /** The one problem of a file holding {@code yaml}, as {@code line: message}. */
    private static String failure(String yaml) {
        List<SpecProblem> problems = SpecYaml.parse(yaml).problems();
        assertThat(problems).as(yaml).hasSize(1);
        return problems.get(0).line() + ": " + problems.get(0).message();
    }

    @Test
    void scalarsKeepTheirTextAndNullWordsAreNull() throws Exception {
        assertThat(tokens("[~, null, NULL, nUll, 'null', !!null x, '', yes, 0123, 0x50, 1.50]")).containsExactly(
                "1:START_ARRAY null", "1:VALUE_NULL null", "1:VALUE_NULL null", "1:VALUE_NULL null",
                "1:VALUE_STRING nUll", "1:VALUE_STRING null", "1:VALUE_NULL null", "1:VALUE_STRING ",
                "1:VALUE_TRUE yes", "1:VALUE_NUMBER_INT 0123", "1:VALUE_NUMBER_INT 0x50", "1:VALUE_NUMBER_FLOAT 1.50",
                "1:END_ARRAY null");
    }

    @Test
    void anEmptyValueIsAnEmptyStringNotNull() throws Exception {
        assertThat(tokens("e:\n")).containsExactly("1:START_OBJECT null", "1:FIELD_NAME e", "1:VALUE_STRING ",
                "2:END_OBJECT null");
    }

    @Test
    void linesAreThoseOfKeysAndValues() throws Exception {
        assertThat(tokens("# comment\na:\n  - x\n  - [y]\nb: {c: d}\n")).containsExactly("2:START_OBJECT null",
                "2:FIELD_NAME a", "3:START_ARRAY null", "3:VALUE_STRING x", "4:START_ARRAY null", "4:VALUE_STRING y",
                "4:END_ARRAY null", "5:END_ARRAY null", "5:FIELD_NAME b", "5:START_OBJECT null", "5:FIELD_NAME c",
                "5:VALUE_STRING d", "5:END_OBJECT null", "6:END_OBJECT null");
    }

    @Test
    void aDuplicateKeyIsFoundInSmallAndLargeMappingsAlike() {
        for (int keys = 1; keys <= 20; keys++) {
            for (int duplicated = 0; duplicated < keys; duplicated++) {
                StringBuilder yaml = new StringBuilder();
                for (int k = 0; k < keys; k++) {
                    yaml.append('k').append(k).append(": v\n");
                }
                yaml.append('k').append(duplicated).append(": again\n");
                assertThat(failure(yaml.toString())).as(keys + " keys, k" + duplicated + " twice")
                        .isEqualTo((keys + 1) + ": duplicate key \"k" + duplicated + "\"");
            }
        }
    }

    @Test
    void keysMustBePlainValues() {
        assertThat(failure("*a: b\n")).isEqualTo("1: invalid YAML: a mapping key must be a plain value, not an alias");
        assertThat(failure("x: 1\n[a, b]: c\n")).isEqualTo("2: invalid YAML: a mapping key must be a plain value, not a list");
        assertThat(failure("? {a: 1}\n: b\n")).isEqualTo("1: invalid YAML: a mapping key must be a plain value, not a mapping");
    }

    @Test
    void aliasesAreRefusedWhereverTheyAreEvenInAnUnknownField() {
        assertThat(failure(SpecYaml.app("app", "alice", "extra: {a: [1, *x]}")))
                .isEqualTo("8: YAML aliases (*x) are not supported");
    }

    @Test
    void longStringsAreRefusedEvenInAnUnknownField() {
        assertThat(failure(SpecYaml.app("app", "alice", "extra: [" + "x".repeat(70_000) + "]")))
                .isEqualTo("8: a string longer than 65536 characters");
    }

    @Test
    void binaryValuesAreNotText() {
        assertThat(SpecYaml.problems(SpecYaml.parse(SpecYaml.app("app", "alice", "environment: {A: !!binary aGVsbG8=}"))))
                .containsExactly("alice.yaml:8: spec.environment.A: expected a string, got a binary value");
    }

    @Test
    void parserFailuresWithoutAPositionOfTheirOwnStillNameALine() {
        assertThat(failure("a: b\nc: \"\\u")).startsWith("2: invalid YAML: ");
    }

    @Test
    void aControlCharacterIsBlamedOnItsOwnLineEvenFarIntoTheFile() {
        assertThat(failure("a: b\nc: d\ne: \u0001\n")).isEqualTo(
                "3: invalid YAML: special characters are not allowed (code point U+0001)");
        // SnakeYAML reads a kilobyte ahead: its own position would name an earlier line
        assertThat(failure("a: b\n" + "# padding\n".repeat(300) + "e: \u007f\n")).isEqualTo(
                "302: invalid YAML: special characters are not allowed (code point U+007F)");
    }
}
