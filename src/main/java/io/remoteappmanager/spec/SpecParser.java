package io.remoteappmanager.spec;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.SpecProblem.Kind;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.spec.YamlTreeReader.YamlException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Parses one spec file's bytes into its RemoteApp documents, turning anything wrong, hostile input
 * included, into problems located as {@code file:line} instead of exceptions.
 */
public final class SpecParser {

    /** Files above this size are refused unread: a hostile file must not cost memory. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    private SpecParser() {}

    /**
     * Every document of {@code content}: its apps when all are valid, else every problem found, in line
     * order. Empty documents are skipped. Never throws.
     */
    public static ParsedFile parse(String fileName, byte[] content) {
        if (content.length > MAX_FILE_BYTES) {
            return ParsedFile.failed(new SpecProblem(Kind.UNREADABLE, fileName, 0,
                    "file is larger than " + MAX_FILE_BYTES + " bytes", Optional.empty()));
        }
        try {
            List<AppSpec> specs = new ArrayList<>();
            List<SpecProblem> problems = new ArrayList<>();
            for (YamlNode document : YamlTreeReader.read(content)) {
                RemoteAppReader.Outcome outcome = RemoteAppReader.read(fileName, document);
                outcome.spec().ifPresent(specs::add);
                outcome.issues().forEach(issue -> problems.add(new SpecProblem(Kind.INVALID, fileName,
                        issue.line(), issue.message(), outcome.key())));
            }
            problems.sort(Comparator.comparingInt(SpecProblem::line));
            return new ParsedFile(problems.isEmpty() ? specs : List.of(), problems);
        } catch (YamlException e) {
            return ParsedFile.failed(invalid(fileName, e.line, e.getMessage()));
        } catch (RuntimeException e) {
            return ParsedFile.failed(invalid(fileName, 0, "cannot parse: " + e));
        }
    }

    private static SpecProblem invalid(String fileName, int line, String message) {
        return new SpecProblem(Kind.INVALID, fileName, line, message, Optional.empty());
    }
}
