package io.remoteappmanager.cli;

import picocli.CommandLine.Command;

/**
 * {@code describe RESOURCE NAME}: everything a running controller knows about one thing, as {@code kubectl describe}
 * does. Not runnable itself, so picocli answers a missing resource with a usage error naming the choices.
 */
@Command(name = "describe", mixinStandardHelpOptions = true, subcommands = DescribeAppCommand.class,
        description = "Show one app in detail, as a running controller sees it: describe app NAME.")
final class DescribeCommand {}
