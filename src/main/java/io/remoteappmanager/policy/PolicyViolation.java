package io.remoteappmanager.policy;

/**
 * An action refused because it would break the policy as things stand at that moment (a volume source that
 * now resolves elsewhere, for example); the action fails, its key backs off, and nothing is created or started.
 */
public class PolicyViolation extends RuntimeException {

    public PolicyViolation(String message) {
        super("refused by policy: " + message);
    }
}
