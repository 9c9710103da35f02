package io.remoteappmanager.config;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.LinkTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.TextTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappingInterface;
import io.smallrye.config.ConfigMappingInterface.Property;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Writes docs/configuration.md from {@link RamConfig} itself: keys, types and defaults from SmallRye's config-mapping
 * metadata, the words from the Javadoc of its source, read by the JDK's compiler tree API.
 */
final class ConfigurationDoc {

    static final Path SOURCE = Path.of("src/main/java/io/remoteappmanager/config/RamConfig.java");
    static final Path PAGE = Path.of("docs/configuration.md");

    /** A documented member or type of the source, by {@code Type} or {@code Type.member}, in source order. */
    private record Doc(int position, String text) {}

    private final Map<String, Doc> docs;
    private final StringBuilder out = new StringBuilder();

    private ConfigurationDoc(Map<String, Doc> docs) {
        this.docs = docs;
    }

    /** The page as {@link RamConfig} and its source say it should read now. */
    static String render() throws IOException {
        ConfigurationDoc page = new ConfigurationDoc(javadoc(SOURCE));
        page.head();
        page.section(ConfigMappingInterface.getConfigurationInterface(RamConfig.class),
                RamConfig.class.getAnnotation(ConfigMapping.class).prefix(), "");
        return page.out.toString();
    }

    private void head() {
        out.append("# Configuration\n\n")
                .append("<!-- Generated from src/main/java/io/remoteappmanager/config/RamConfig.java by ConfigurationDocTest;")
                .append(" do not edit. Regenerate: scripts/config-doc.sh -->\n\n")
                .append("Every key can be set in `config/application.properties` (or the `application.properties` beside")
                .append(" the jar), as a system property (`-Dram.realm=lab`), or as an environment variable (the key in")
                .append(" upper case with every other character an underscore: `RAM_REALM=lab`); the environment wins over")
                .append(" the file, a system property over both. Durations are written `30s`, `5m`, `100ms`. A value out")
                .append(" of range stops the start with an error naming its key. A value may name another key, a")
                .append(" system property or an environment variable: `${HOME}/specs`, `${SPECS_ROOT:/srv/specs}` (with a")
                .append(" fallback); the controller and the `ram` tools expand it alike.\n\n")
                .append("Quarkus' own keys set the rest: `quarkus.http.host` / `quarkus.http.port` (default `127.0.0.1` /")
                .append(" `8080`) say where the API, health and metrics listen, and `quarkus.log.console.json.enabled`")
                .append(" (default `false`; `QUARKUS_LOG_CONSOLE_JSON_ENABLED=true`) prints one JSON object per log line.\n");
    }

    private void section(ConfigMappingInterface type, String prefix, String title) {
        List<Property> leaves = new ArrayList<>();
        List<Runnable> groups = new ArrayList<>();
        for (Property property : sorted(type)) {
            String key = prefix + "." + property.getPropertyName();
            Optional<ConfigMappingInterface> group = group(property);
            if (group.isPresent()) {
                String element = property.isCollection() ? "[N]" : "";
                groups.add(() -> section(group.get(), key + element, doc(group.get().getInterfaceType().getSimpleName())
                        .or(() -> doc(memberName(property))).orElse("")));
            } else {
                leaves.add(property);
            }
        }
        if (!leaves.isEmpty()) {
            out.append("\n## `").append(prefix).append(".*`\n\n");
            if (!title.isEmpty()) {
                out.append(title).append("\n\n");
            }
            out.append("| key | environment variable | type | default | what it does |\n|---|---|---|---|---|\n");
            for (Property leaf : leaves) {
                String key = prefix + "." + leaf.getPropertyName();
                out.append("| `").append(key).append("` | `").append(envName(key)).append("` | ")
                        .append(typeName(leaf.getMethod().getGenericReturnType())).append(" | ")
                        .append(leaf.hasDefaultValue() ? "`" + leaf.getDefaultValue() + "`" : "").append(" | ")
                        .append(doc(memberName(leaf)).orElse("").replace("|", "\\|")).append(" |\n");
            }
        }
        groups.forEach(Runnable::run);
    }

    private List<Property> sorted(ConfigMappingInterface type) {
        return Arrays.stream(type.getProperties())
                .sorted(Comparator.comparingInt(p -> Optional.ofNullable(docs.get(memberName(p)))
                        .map(Doc::position).orElse(Integer.MAX_VALUE)))
                .toList();
    }

    private static Optional<ConfigMappingInterface> group(Property property) {
        Property inner = property.isOptional() ? property.asOptional().getNestedProperty() : property;
        if (inner.isCollection()) {
            inner = inner.asCollection().getElement();
        }
        return inner.isGroup() ? Optional.of(inner.asGroup().getGroupType()) : Optional.empty();
    }

    private Optional<String> doc(String name) {
        return Optional.ofNullable(docs.get(name)).map(Doc::text).filter(text -> !text.isEmpty());
    }

    private static String memberName(Property property) {
        Method method = property.getMethod();
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    /** SmallRye's rule: every character that is no letter or digit becomes {@code _}, the rest upper case. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String typeName(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            String raw = ((Class<?>) parameterized.getRawType()).getSimpleName();
            String inner = typeName(parameterized.getActualTypeArguments()[0]);
            return switch (raw) {
                case "Optional" -> inner + ", optional";
                case "List" -> "list of " + inner + " (comma-separated)";
                default -> raw + " of " + inner;
            };
        }
        Class<?> plain = (Class<?>) type;
        if (plain.isEnum()) {
            return String.join(" \\| ", Arrays.stream(plain.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT)).toList());
        }
        return plain.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** Every documented type and member of {@code source}: its Javadoc as one Markdown line, and where it stands. */
    private static Map<String, Doc> javadoc(Path source) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, null)) {
            JavacTask task = (JavacTask) compiler.getTask(null, files, null, List.of("-proc:none"), null,
                    files.getJavaFileObjects(source));
            DocTrees trees = DocTrees.instance(task);
            Map<String, Doc> docs = new HashMap<>();
            new TreePathScanner<Void, String>() {
                @Override
                public Void visitClass(ClassTree tree, String outer) {
                    String name = tree.getSimpleName().toString();
                    docs.put(name, new Doc(docs.size(), markdown(trees.getDocCommentTree(getCurrentPath()))));
                    return super.visitClass(tree, name);
                }

                @Override
                public Void visitMethod(MethodTree tree, String type) {
                    docs.put(type + "." + tree.getName(), new Doc(docs.size(),
                            markdown(trees.getDocCommentTree(getCurrentPath()))));
                    return null;
                }
            }.scan(task.parse(), "");
            return docs;
        }
    }

    private static String markdown(DocCommentTree comment) {
        if (comment == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (DocTree part : comment.getFullBody()) {
            text.append(switch (part.getKind()) {
                case CODE, LITERAL -> "`" + ((LiteralTree) part).getBody().getBody() + "`";
                case LINK, LINK_PLAIN -> "`" + ((LinkTree) part).getReference().getSignature().replace("#", "")
                        .replace("()", "") + "`";
                case TEXT -> ((TextTree) part).getBody();
                default -> part.toString();
            });
        }
        return text.toString().replaceAll("\\s+", " ").trim();
    }
}
