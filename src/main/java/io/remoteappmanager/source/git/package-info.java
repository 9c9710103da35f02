/**
 * A git repository as the spec source, through JGit (no git binary): a fetch thread keeps a local bare repository
 * in step with one ref of the remote, and each new commit's spec files are read straight from the object database,
 * so the desired state is always exactly one commit. Credentials stay in {@link io.remoteappmanager.source.git.GitSettings}
 * and {@link io.remoteappmanager.source.git.GitAccess}; everything shown goes through {@link io.remoteappmanager.source.git.Redactor}.
 */
package io.remoteappmanager.source.git;
