package io.remoteappmanager.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.remoteappmanager.spec.YamlNode.Entry;
import io.remoteappmanager.spec.YamlNode.Mapping;
import io.remoteappmanager.spec.YamlNode.Scalar;
import io.remoteappmanager.spec.YamlNode.Sequence;
import io.remoteappmanager.spec.YamlTreeReader.YamlException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree reader on SnakeYAML's events: scalars resolve as YAML 1.1 says, keys are plain, errors keep their line. */
class YamlTreeReaderTest {

    private static List<YamlNode> read(String yaml) throws YamlException {
        return YamlTreeReader.read(yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<YamlNode> items(String flowList) throws YamlException {
        Mapping root = (Mapping) read("a: " + flowList + "\n").get(0);
        return ((Sequence) root.entries().get(0).value()).items();
    }

    private static String failure(String yaml) {
        YamlException e = assertThrows(YamlException.class, () -> read(yaml));
        return e.line + ": " + e.getMessage();
    }

    @Test
    void aDuplicateKeyIsFoundInSmallAndLargeMappingsAlike() {
        // small mappings are scanned, larger ones use a set from their ninth key on: a duplicate is caught either way
        for (int keys = 1; keys <= 20; keys++) {
            for (int duplicated = 0; duplicated < keys; duplicated++) {
                StringBuilder yaml = new StringBuilder();
                for (int k = 0; k < keys; k++) {
                    yaml.append('k').append(k).append(": v\n");
                }
                yaml.append('k').append(duplicated).append(": again\n");
                assertEquals((keys + 1) + ": duplicate key \"k" + duplicated + "\"", failure(yaml.toString()),
                        keys + " keys, k" + duplicated + " twice");
            }
        }
    }

    @Test
    void plainNullWordsAreNullAndAnEmptyValueIsAnEmptyString() throws YamlException {
        assertEquals(List.of(new Scalar(1, "~", true, false), new Scalar(1, "null", true, false),
                        new Scalar(1, "NULL", true, false), new Scalar(1, "nUll", false, false),
                        new Scalar(1, "null", false, false), new Scalar(1, "x", true, false)),
                items("[~, null, NULL, nUll, 'null', !!null x]"));
        assertEquals(new Entry("e", 1, new Scalar(1, "", false, false)), ((Mapping) read("e:\n").get(0)).entries().get(0));
    }

    @Test
    void booleansAreTheYaml11WordsWhenPlainOrTagged() throws YamlException {
        assertEquals(List.of(new Scalar(1, "true", false, true), new Scalar(1, "Off", false, true),
                        new Scalar(1, "tRuE", false, false), new Scalar(1, "true", false, false),
                        new Scalar(1, "tRuE", false, true), new Scalar(1, "maybe", false, false)),
                items("[true, Off, tRuE, \"true\", !!bool tRuE, !!bool maybe]"));
    }

    @Test
    void linesAreThoseOfKeysAndValues() throws YamlException {
        Mapping root = (Mapping) read("# comment\na:\n  - x\n  - [y]\nb: {c: d}\n").get(0);

        assertEquals(2, root.line());
        assertEquals(new Entry("a", 2, new Sequence(3, List.of(new Scalar(3, "x", false, false),
                new Sequence(4, List.of(new Scalar(4, "y", false, false)))))), root.entries().get(0));
        assertEquals(new Entry("b", 5, new Mapping(5, List.of(new Entry("c", 5, new Scalar(5, "d", false, false))))),
                root.entries().get(1));
    }

    @Test
    void keysMustBePlainValues() {
        assertEquals("1: YAML aliases (*a) are not supported", failure("*a: b\n"));
        assertEquals("2: invalid YAML: a mapping key must be a plain value, not a list", failure("x: 1\n[a, b]: c\n"));
        assertEquals("1: invalid YAML: a mapping key must be a plain value, not a mapping", failure("? {a: 1}\n: b\n"));
    }

    @Test
    void binaryValuesAreRefused() {
        assertEquals("2: unsupported YAML value (!!binary)", failure("a: b\nc: !!binary aGVsbG8=\n"));
    }

    @Test
    void snakeYamlFailuresWithoutAPositionStillNameALine() {
        assertEquals("2: invalid YAML: For input string: \"\" under radix 16", failure("a: b\nc: \"\\u"));
    }

    @Test
    void aControlCharacterIsBlamedOnItsOwnLine() {
        assertEquals("3: invalid YAML: special characters are not allowed (code point U+0001)",
                failure("a: b\nc: d\ne: \u0001\n"));
    }
}
