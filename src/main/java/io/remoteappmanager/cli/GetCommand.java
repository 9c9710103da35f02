package io.remoteappmanager.cli;

import picocli.CommandLine.Command;

/**
 * {@code get RESOURCE}: lists what a running controller knows, as {@code kubectl get} does. Not runnable itself, so
 * picocli answers a missing resource with a usage error naming the choices.
 */
@Command(name = "get", mixinStandardHelpOptions = true, subcommands = GetAppsCommand.class,
        description = "List what a running controller knows: get apps.")
final class GetCommand {}
