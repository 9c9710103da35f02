package io.remoteappmanager.reconcile;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.planner.Action;
import io.remoteappmanager.planner.Decision;
import io.remoteappmanager.planner.Plan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many running apps may be out of service at once for a recreate ({@code ram.reconcile.max-disruptions}), so
 * that a config-wide change (a tightened capability list, a new default memory limit, a new image everywhere) rolls
 * out a few apps at a time and a bad change stops after those few instead of taking every app down. An app counts
 * from the moment its recreate starts until it runs and answers again.
 */
final class DisruptionBudget {

    private static final Pattern SETTING = Pattern.compile("\\s*(\\d{1,9})\\s*(%?)\\s*");

    private final int percent;
    private final int absolute;
    private final Set<AppKey> disrupted = new HashSet<>();

    /** @param setting {@code "10%"} of the apps (at least one), or an absolute number such as {@code "5"} */
    DisruptionBudget(String setting) {
        Matcher m = SETTING.matcher(setting);
        if (!m.matches()) {
            throw new IllegalArgumentException("ram.reconcile.max-disruptions must be a number or a percentage such as "
                    + "10%, not '" + setting + "'");
        }
        int value = Integer.parseInt(m.group(1));
        this.percent = m.group(2).isEmpty() ? -1 : value;
        this.absolute = m.group(2).isEmpty() ? value : -1;
    }

    /**
     * The plan as it may run now: each decision that would take a running app out of service keeps its actions only
     * while the budget admits it, and otherwise waits with no action and a message saying why.
     */
    Plan guard(Plan plan, int apps) {
        List<Decision> guarded = new ArrayList<>(plan.decisions().size());
        for (Decision decision : plan.decisions()) {
            guarded.add(admits(decision, apps) ? decision : waiting(decision, apps));
        }
        return new Plan(guarded, plan.warnings(), plan.requeueAt());
    }

    /** Whether {@code decision} may be carried out now, among {@code apps} apps; a disruption counts from now on. */
    boolean admits(Decision decision, int apps) {
        return !disrupts(decision) || tryEnter(decision.key(), apps);
    }

    /** Whether {@code key} may start its disruption now, among {@code apps} apps; if so it counts from now on. */
    synchronized boolean tryEnter(AppKey key, int apps) {
        if (disrupted.contains(key)) {
            return true;
        }
        if (disrupted.size() >= limit(apps)) {
            return false;
        }
        disrupted.add(key);
        return true;
    }

    /** Only the apps in {@code stillOut} (planned, and not yet running and answering) count any more. */
    synchronized void retainOnly(Collection<AppKey> stillOut) {
        disrupted.retainAll(stillOut instanceof Set<?> ? stillOut : new HashSet<>(stillOut));
    }

    synchronized int inProgress() {
        return disrupted.size();
    }

    /**
     * A recreate of a container that runs: it takes the app out of service until the new one answers (an unhealthy
     * one is out already, but a liveness setting that fails everywhere must not recreate every app at once).
     */
    private static boolean disrupts(Decision decision) {
        return decision.actions().stream().anyMatch(a -> a.kind() == Action.Kind.RECREATE
                && a.container().filter(ObservedContainer::isRunning).isPresent());
    }

    private Decision waiting(Decision decision, int apps) {
        String why = decision.message() + "; waiting: " + inProgress() + " app(s) are being recreated, at most "
                + limit(apps) + " at once (ram.reconcile.max-disruptions)";
        return decision.holding(decision.phase(), List.of(), why);
    }

    /** The most apps out of service at once, among {@code apps}: at least one, so a rollout always moves on. */
    int limit(int apps) {
        int limit = percent >= 0 ? apps * percent / 100 : absolute;
        return Math.max(1, limit);
    }
}
