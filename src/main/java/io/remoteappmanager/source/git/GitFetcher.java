package io.remoteappmanager.source.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.jboss.logging.Logger;

/**
 * Keeps a local bare repository (under {@code ram.git.dir}, one per URL and ref) holding the commit that the remote's
 * ref points at. A poll costs one ls-remote; objects are fetched only when the ref moved to a commit not held yet, and
 * a ref that moved backwards (a rollback, a force-push) is followed like any other move. Each fetch leaves a pack
 * file, which JGit keeps open once read: past {@link #MAX_PACKS} the repository is packed into one again, so a
 * controller that follows a busy repository for months holds a few files, not one per commit. Used by one thread at
 * a time.
 */
final class GitFetcher implements AutoCloseable {

    /** Where the fetched commit is kept (and so kept from garbage collection), read again after a restart. */
    static final String FETCHED = "refs/ram/fetched";
    /** Packs beyond which a fetch is followed by a garbage collection. */
    static final int MAX_PACKS = 8;

    private static final Logger LOG = Logger.getLogger(GitFetcher.class);

    private final GitSettings settings;
    private final GitAccess access;
    private final Redactor redactor;
    private Repository repository;

    GitFetcher(GitSettings settings) {
        this.settings = settings;
        this.access = new GitAccess(settings);
        this.redactor = settings.redactor();
    }

    /** The local repository, created on first use; a broken one is only a cache and is made anew. */
    Repository repository() throws IOException {
        if (repository == null) {
            Path dir = settings.dir().resolve(localName());
            try {
                repository = open(dir);
            } catch (IOException | RuntimeException e) {
                deleteTree(dir);
                repository = open(dir);
            }
        }
        return repository;
    }

    /** The commit fetched by an earlier run, if the local repository holds one: usable before the remote answers. */
    Optional<ObjectId> lastFetched() throws IOException {
        Ref ref = repository().exactRef(FETCHED);
        return ref == null ? Optional.empty() : Optional.of(ref.getObjectId());
    }

    /**
     * Asks the remote where the ref points and fetches that commit if it is not here yet; returns its id (an
     * annotated tag's id for a tag: parsing it as a commit peels it).
     */
    ObjectId fetch() throws IOException, GitAPIException {
        Repository repo = repository();
        String ref = settings.ref();
        boolean commitId = ObjectId.isId(ref);
        if (commitId && repo.getObjectDatabase().has(ObjectId.fromString(ref))) {
            return ObjectId.fromString(ref);
        }
        Map<String, Ref> advertised = access.apply(Git.lsRemoteRepository().setRemote(settings.url())).callAsMap();
        Optional<Ref> target = Stream.of(ref, Constants.R_HEADS + ref, Constants.R_TAGS + ref)
                .map(advertised::get).filter(r -> r != null && r.getObjectId() != null).findFirst();
        if (target.isPresent()) {
            ObjectId id = target.get().getObjectId();
            if (!repo.getObjectDatabase().has(id)) {
                fetch(repo, List.of(new RefSpec("+" + target.get().getName() + ":" + FETCHED)));
            }
            remember(repo, id);
            return id;
        }
        if (!commitId) {
            throw new IOException("ref '" + ref + "' is neither a branch nor a tag of " + settings.displayUrl());
        }
        // A commit id: fetch every branch and tag, then it must be among their history.
        fetch(repo, List.of(new RefSpec("+refs/heads/*:refs/ram/heads/*"), new RefSpec("+refs/tags/*:refs/ram/tags/*")));
        ObjectId id = ObjectId.fromString(ref);
        if (!repo.getObjectDatabase().has(id)) {
            throw new IOException("commit " + ref + " is on no branch or tag of " + settings.displayUrl());
        }
        remember(repo, id);
        return id;
    }

    private void fetch(Repository repo, List<RefSpec> specs) throws GitAPIException, IOException {
        try (Git git = new Git(repo)) {
            access.apply(git.fetch().setRemote(settings.url()).setRefSpecs(specs).setTagOpt(TagOpt.NO_TAGS)
                    .setCheckFetchedObjects(true)).call();
            if (packs(repo) > MAX_PACKS) {
                pack(git);
            }
        }
    }

    /**
     * Packs the local repository into one pack again. A failure is told and the fetch it follows stands: the commit
     * is here either way, and the next fetch tries again (a lock left by a controller killed mid-pack, for one, stays
     * until someone removes it, and the log names it).
     */
    private void pack(Git git) {
        try {
            git.gc().call();
        } catch (GitAPIException | RuntimeException e) {
            LOG.warnf("git: packing the local repository %s failed, the fetch stands and packing is tried again after"
                    + " the next: %s", git.getRepository().getDirectory(), redactor.describe(e));
        }
    }

    /** How many pack files the local repository holds. */
    static long packs(Repository repo) throws IOException {
        try (Stream<Path> files = Files.list(repo.getDirectory().toPath().resolve("objects").resolve("pack"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pack")).count();
        }
    }

    private static void remember(Repository repo, ObjectId id) throws IOException {
        var update = repo.updateRef(FETCHED);
        update.setNewObjectId(id);
        update.disableRefLog();
        update.forceUpdate();
    }

    /** One directory per URL (credentials aside) and ref, so two configurations never share a ref. */
    private String localName() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((settings.displayUrl() + "\n" + settings.ref()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8) + ".git";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens (or creates) the local repository. Its garbage collection drops replaced packs at once (JGit keeps them an
     * hour by default): only this fetcher's thread reads them.
     */
    private static Repository open(Path dir) throws IOException {
        Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
        if (!repo.getObjectDatabase().exists()) {
            Files.createDirectories(dir.getParent());
            repo.create(true);
        }
        StoredConfig config = repo.getConfig();
        if (!"now".equals(config.getString(ConfigConstants.CONFIG_GC_SECTION, null,
                ConfigConstants.CONFIG_KEY_PRUNEPACKEXPIRE))) {
            config.setString(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_PRUNEPACKEXPIRE, "now");
            config.save();
        }
        return repo;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Override
    public void close() {
        if (repository != null) {
            repository.close();
        }
        access.close();
    }
}
