package io.remoteappmanager.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.model.SpecProblem.Kind;
import io.remoteappmanager.spec.YamlCursor.Refused;
import java.io.IOException;
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
     * order. Empty documents are skipped. Input that is not YAML within the limits is the file's one problem.
     * Never throws.
     */
    public static ParsedFile parse(String fileName, byte[] content) {
        if (content.length > MAX_FILE_BYTES) {
            return ParsedFile.failed(new SpecProblem(Kind.UNREADABLE, fileName, 0,
                    "file is larger than " + MAX_FILE_BYTES + " bytes", Optional.empty()));
        }
        YamlCursor in = null;
        try (JsonParser parser = YamlInput.open(content)) {
            in = new YamlCursor(parser);
            List<AppSpec> specs = new ArrayList<>();
            List<SpecProblem> problems = new ArrayList<>();
            while (in.next() != null) {
                if (in.unset()) {
                    continue; // an empty document
                }
                RemoteAppReader.Outcome outcome = RemoteAppReader.read(fileName, in);
                outcome.spec().ifPresent(specs::add);
                outcome.issues().forEach(issue -> problems.add(new SpecProblem(Kind.INVALID, fileName,
                        issue.line(), issue.message(), outcome.key())));
            }
            problems.sort(Comparator.comparingInt(SpecProblem::line));
            return new ParsedFile(problems.isEmpty() ? specs : List.of(), problems);
        } catch (Refused e) {
            return ParsedFile.failed(invalid(fileName, e.line, e.getMessage()));
        } catch (JsonProcessingException e) {
            return ParsedFile.failed(invalid(fileName, YamlFailure.line(e, in), YamlFailure.message(e, in)));
        } catch (IOException | RuntimeException e) {
            return ParsedFile.failed(invalid(fileName, in == null ? 1 : in.line(), "cannot parse: " + e));
        }
    }

    private static SpecProblem invalid(String fileName, int line, String message) {
        return new SpecProblem(Kind.INVALID, fileName, line, message, Optional.empty());
    }
}
