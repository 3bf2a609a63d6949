package dev.eventsourcing.example.ledger;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the ledger knows of one bank account: an entry per event of the account it has seen,
 * with the bank's notification id and the account's version, and the balance those entries add
 * up to. Entries are recorded as they come, without filtering repeats, so that processing an
 * event twice, or skipping one, shows in the versions.
 */
public class AccountActivity extends Aggregate {

    private String holder;
    private BigDecimal balance = BigDecimal.ZERO.setScale(2);
    private final List<Long> notificationIds = new ArrayList<>();
    private final List<Long> accountVersions = new ArrayList<>();

    protected AccountActivity() {
    }

    /** Starts the activity of a bank account with its opening, which is the account's first event. */
    public static AccountActivity start(UUID accountId, String holder, long notificationId) {
        return create(accountId, AccountActivity::new, new Started(holder, notificationId));
    }

    /** Records one more event of the account. */
    public void record(long notificationId, long accountVersion, BigDecimal change) {
        trigger(new Recorded(notificationId, accountVersion, change));
    }

    public String holder() {
        return holder;
    }

    public BigDecimal balance() {
        return balance;
    }

    /** The bank's notification ids of the recorded events, in the order they were recorded. */
    public List<Long> notificationIds() {
        return List.copyOf(notificationIds);
    }

    /** The account versions of the recorded events, in the order they were recorded. */
    public List<Long> accountVersions() {
        return List.copyOf(accountVersions);
    }

    /** What can happen to an account's activity. */
    public sealed interface Event extends AggregateEvent<AccountActivity> permits Started, Recorded {
    }

    /** The account was opened. */
    public record Started(String holder, long notificationId) implements Event {
        public Started {
            Objects.requireNonNull(holder, "holder");
        }

        @Override
        public void apply(AccountActivity activity) {
            activity.holder = holder;
            activity.notificationIds.add(notificationId);
            activity.accountVersions.add(1L);
        }
    }

    /** One more event of the account, changing its balance by {@code change} (zero for most but money movements). */
    public record Recorded(long notificationId, long accountVersion, BigDecimal change) implements Event {
        public Recorded {
            Objects.requireNonNull(change, "change");
        }

        @Override
        public void apply(AccountActivity activity) {
            activity.balance = activity.balance.add(change);
            activity.notificationIds.add(notificationId);
            activity.accountVersions.add(accountVersion);
        }
    }
}
