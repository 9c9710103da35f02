package io.remoteappmanager.spec;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remoteappmanager.spec.ScalarRule.AnyText;
import io.remoteappmanager.spec.ScalarRule.Choice;
import io.remoteappmanager.spec.ScalarRule.Constant;
import io.remoteappmanager.spec.ScalarRule.Flag;
import io.remoteappmanager.spec.ScalarRule.Memory;
import io.remoteappmanager.spec.ScalarRule.Positive;
import io.remoteappmanager.spec.ScalarRule.Span;
import io.remoteappmanager.spec.ScalarRule.Text;
import io.remoteappmanager.spec.ScalarRule.Whole;
import io.remoteappmanager.spec.SpecPatterns.TextRule;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Writes config/remoteapp.schema.json, the schema editors use, from {@link RemoteAppFormat}: the rules exist once. */
final class SchemaWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SchemaWriter() {}

    static ObjectNode schema() {
        ObjectNode schema = JSON.objectNode()
                .put("$schema", "https://json-schema.org/draft/2020-12/schema")
                .put("$id", "https://remoteappmanager.io/schema/remoteapp.schema.json")
                .put("title", "RemoteApp")
                .put("description", "One per-user web app run by remoteappmanager. Generated from the controller's"
                        + " own rules (spec/RemoteAppFormat). Not expressible here: memory of at least 6m as text, unique"
                        + " metadata.name and (user, mappingId) across the directory, and distinct volume bind targets.");
        return schema.setAll(rule(RemoteAppFormat.DOCUMENT));
    }

    private static ObjectNode rule(Rule<?> rule) {
        ObjectNode node = JSON.objectNode();
        if (rule instanceof Section section) {
            node.put("type", "object").put("additionalProperties", false);
            ObjectNode properties = JSON.objectNode();
            for (Field<?> field : section.fields()) {
                properties.set(field.name(), field(field));
                if (field.required()) {
                    node.withArray("required").add(field.name());
                }
            }
            node.set("properties", properties);
        } else if (rule instanceof MapOf<?> map) {
            node.put("type", "object");
            node.set("propertyNames", text(map.key()).without("type"));
            node.set("additionalProperties", rule(map.value()));
        } else if (rule instanceof Shorthand shorthand) {
            node.withArray("oneOf").add(rule(shorthand.shortField().rule())).add(rule(shorthand.section()));
        } else if (rule instanceof ListOf<?> list) {
            node.put("type", "array").set("items", rule(list.item()));
        } else if (rule instanceof Constant constant) {
            node.put("const", constant.value());
        } else if (rule instanceof Text text) {
            node.setAll(text(text.rule()));
        } else if (rule instanceof Span span) {
            node.setAll(text(span.rule()));
        } else if (rule instanceof AnyText) {
            node.set("type", JSON.arrayNode().add("string").add("number").add("boolean"));
        } else if (rule instanceof Whole whole) {
            node.put("type", "integer").put("minimum", whole.min()).put("maximum", whole.max());
        } else if (rule instanceof Positive) {
            node.put("type", "number").put("exclusiveMinimum", 0);
        } else if (rule instanceof Flag) {
            node.put("type", "boolean");
        } else if (rule instanceof Memory memory) {
            node.set("type", JSON.arrayNode().add("string").add("integer"));
            node.put("pattern", anchored(MemorySize.SIZE)).put("minimum", memory.minBytes());
        } else if (rule instanceof Choice<?> choice) {
            Arrays.stream(choice.type().getEnumConstants()).forEach(c -> node.withArray("enum").add(c.name()));
        } else {
            throw new IllegalArgumentException("no schema for " + rule);
        }
        return node;
    }

    private static ObjectNode field(Field<?> field) {
        ObjectNode node = JSON.objectNode();
        if (field.description() != null) {
            node.put("description", field.description());
        }
        node.setAll(rule(field.rule()));
        if (field.fallback() instanceof Boolean flag) {
            node.put("default", flag);
        } else if (field.fallback() != null) {
            node.put("default", field.fallback().toString());
        }
        return node;
    }

    private static ObjectNode text(TextRule rule) {
        return JSON.objectNode().put("type", "string").put("maxLength", rule.maxLength()).put("pattern", anchored(rule.pattern()));
    }

    /** A JSON Schema pattern matches anywhere: anchored, it means Java's full match. */
    private static String anchored(Pattern pattern) {
        String regex = pattern.pattern();
        return regex.contains("|") ? "^(?:" + regex + ")$" : "^" + regex + "$";
    }
}
