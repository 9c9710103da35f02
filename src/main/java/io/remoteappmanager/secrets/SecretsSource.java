package io.remoteappmanager.secrets;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.AppSpec.SecretRef;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.source.ForwardingSpecSource;
import io.remoteappmanager.source.SpecSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A spec source whose apps carry the digests of their secrets, read from {@code ram.secrets.dir} at every read (one
 * stat per secret while nothing changed): a changed file is a changed spec, so its app rolls. An app whose secret
 * cannot be read leaves the desired state with a {@link SpecProblem.Kind#SECRET} problem naming the file, so it is
 * Invalid and its container is kept as it runs. Without a directory, every app that names a secret is Invalid.
 */
public final class SecretsSource extends ForwardingSpecSource {

    private final Optional<SecretsDirectory> secrets;
    /** The specs given out last time by their input spec, so an unchanged app is the very same object again. */
    private Map<AppSpec, AppSpec> given = Map.of();
    private DesiredState lastRead;
    private DesiredState lastGiven;

    public SecretsSource(SpecSource source, Optional<SecretsDirectory> secrets) {
        super(source);
        this.secrets = secrets;
    }

    @Override
    public synchronized DesiredState read() {
        DesiredState read = super.read();
        if (read.apps().values().stream().allMatch(spec -> spec.secrets().isEmpty())) {
            given = Map.of();
            return read;
        }
        Map<AppKey, AppSpec> apps = new HashMap<>(read.apps());
        List<SpecProblem> problems = new ArrayList<>(read.problems());
        Map<AppSpec, AppSpec> now = new IdentityHashMap<>();
        boolean same = read == lastRead;
        for (AppSpec spec : read.apps().values()) {
            if (spec.secrets().isEmpty()) {
                continue;
            }
            Optional<SpecProblem> problem = Optional.empty();
            Map<String, SecretRef> refs = new LinkedHashMap<>();
            for (Map.Entry<String, SecretRef> entry : spec.secrets().entrySet()) {
                try {
                    refs.put(entry.getKey(), entry.getValue().withDigest(digest(entry.getValue().file())));
                } catch (SecretUnavailableException e) {
                    problem = Optional.of(problem(spec, entry.getKey(), e.getMessage()));
                    break;
                }
            }
            if (problem.isPresent()) {
                apps.remove(spec.key());
                problems.add(problem.get());
                same = false;
                continue;
            }
            AppSpec before = given.get(spec);
            AppSpec resolved = before != null && before.secrets().equals(refs) ? before : spec.withSecrets(refs);
            same &= resolved == before;
            now.put(spec, resolved);
            apps.put(spec.key(), resolved);
        }
        given = now;
        lastRead = read;
        if (!same || lastGiven == null) {
            lastGiven = new DesiredState(apps, problems, read.conflicts(), read.protectedSources(),
                    read.directoryUsable(), read.unsettled(), read.released());
        }
        return lastGiven;
    }

    private String digest(String file) {
        return secrets.orElseThrow(() -> new SecretUnavailableException("secret file " + file
                + " cannot be read: ram.secrets.dir is not set")).digest(file);
    }

    private static SpecProblem problem(AppSpec spec, String name, String why) {
        return new SpecProblem(SpecProblem.Kind.SECRET, spec.origin().file(), spec.origin().lineOf("secrets." + name),
                spec.origin().document() + ": secrets." + name + ": " + why, Optional.of(spec.key()));
    }
}
