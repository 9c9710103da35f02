package io.remoteappmanager.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remoteappmanager.model.AppKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The budget's arithmetic: a percentage of the apps or a number, never less than one. */
class DisruptionBudgetLimitTest {

    @Test
    void aPercentageOfTheAppsIsAtLeastOne() {
        DisruptionBudget budget = new DisruptionBudget("10%");

        assertThat(budget.limit(1000)).isEqualTo(100);
        assertThat(budget.limit(6)).isEqualTo(1);
        assertThat(new DisruptionBudget("3").limit(1000)).isEqualTo(3);
        assertThat(new DisruptionBudget("0").limit(10)).isEqualTo(1);
    }

    @Test
    void anAppCountsUntilItIsBackAndThenFreesItsPlace() {
        DisruptionBudget budget = new DisruptionBudget("1");
        AppKey alice = new AppKey("alice", "web");
        AppKey bob = new AppKey("bob", "web");

        assertThat(budget.tryEnter(alice, 10)).isTrue();
        assertThat(budget.tryEnter(alice, 10)).as("the same app again").isTrue();
        assertThat(budget.tryEnter(bob, 10)).isFalse();
        budget.retainOnly(List.of(bob));
        assertThat(budget.tryEnter(bob, 10)).isTrue();
    }

    @Test
    void aSettingThatIsNeitherANumberNorAPercentageNamesTheKey() {
        assertThatThrownBy(() -> new DisruptionBudget("ten")).hasMessageContaining("ram.reconcile.max-disruptions");
    }
}
