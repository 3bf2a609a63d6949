package dev.eventsourcing.example.bank.domainmodel;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.AggregateEvent;
import dev.eventsourcing.domain.PersonalData;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * A bank account: opened for a named customer, credited by deposits and incoming transfers,
 * debited by withdrawals and outgoing transfers down to minus its overdraft limit, and finally
 * closed, after which it accepts no command.
 *
 * <p>Amounts are {@linkplain Money#amount money}: positive, with at most two decimal places, and
 * at most {@link Money#MAX}. Every command checks its arguments and the account's state before it
 * triggers an event, so a rejected command changes nothing.
 */
public class Account extends Aggregate {

    /** The most characters a customer's full name may have. */
    public static final int MAX_FULL_NAME_LENGTH = 200;
    /** The most characters an e-mail address may have: the longest that fits SMTP's path (RFC 5321). */
    public static final int MAX_EMAIL_ADDRESS_LENGTH = 254;

    private String fullName;
    private String emailAddress;
    private BigDecimal balance = Money.ZERO;
    private BigDecimal overdraftLimit = Money.ZERO;
    private boolean closed;

    protected Account() {
    }

    /**
     * Opens an account with a zero balance and no overdraft.
     *
     * @throws IllegalArgumentException when the name or e-mail address is blank, or longer than
     *                                  {@link #MAX_FULL_NAME_LENGTH} or {@link #MAX_EMAIL_ADDRESS_LENGTH}
     *                                  characters once stripped of surrounding white space
     */
    public static Account open(String fullName, String emailAddress) {
        return create(Account::new, new Opened(required(fullName, "fullName", MAX_FULL_NAME_LENGTH),
                required(emailAddress, "emailAddress", MAX_EMAIL_ADDRESS_LENGTH)));
    }

    /**
     * Credits the account.
     *
     * @throws AccountClosedException when the account is closed
     * @throws InvalidAmountException when the amount is not positive money up to {@link Money#MAX}
     */
    public void deposit(BigDecimal amount) {
        BigDecimal credited = Money.amount(amount, "amount");
        checkOpen();
        trigger(new Deposited(credited));
    }

    /**
     * Debits the account, as far as the balance plus the overdraft limit allow.
     *
     * @throws AccountClosedException     when the account is closed
     * @throws InsufficientFundsException when the balance would fall below minus the overdraft limit
     * @throws InvalidAmountException     when the amount is not positive money up to {@link Money#MAX}
     */
    public void withdraw(BigDecimal amount) {
        BigDecimal debited = Money.amount(amount, "amount");
        checkOpen();
        checkFunds(debited);
        trigger(new Withdrawn(debited));
    }

    /**
     * Debits the account for a transfer to another account, under the same rules as a
     * withdrawal. The transfer's id is kept with the event, so that every debit can be traced
     * to the one transfer that caused it.
     *
     * @throws AccountClosedException     when the account is closed
     * @throws InsufficientFundsException when the balance would fall below minus the overdraft limit
     * @throws InvalidAmountException     when the amount is not positive money up to {@link Money#MAX}
     */
    public void transferOut(UUID transferId, BigDecimal amount) {
        Objects.requireNonNull(transferId, "transferId");
        BigDecimal debited = Money.amount(amount, "amount");
        checkOpen();
        checkFunds(debited);
        trigger(new TransferredOut(transferId, debited));
    }

    /**
     * Credits the account with a transfer from another account.
     *
     * @throws AccountClosedException when the account is closed
     * @throws InvalidAmountException when the amount is not positive money up to {@link Money#MAX}
     */
    public void transferIn(UUID transferId, BigDecimal amount) {
        Objects.requireNonNull(transferId, "transferId");
        BigDecimal credited = Money.amount(amount, "amount");
        checkOpen();
        trigger(new TransferredIn(transferId, credited));
    }

    /**
     * Sets how far below zero the balance may go.
     *
     * @throws AccountClosedException when the account is closed
     * @throws InvalidAmountException when the limit is negative, larger than {@link Money#MAX} or not money
     */
    public void setOverdraftLimit(BigDecimal limit) {
        BigDecimal checked = Money.limit(limit, "limit");
        checkOpen();
        trigger(new OverdraftLimitSet(checked));
    }

    /**
     * Closes the account for good.
     *
     * @throws AccountClosedException when it is closed already
     */
    public void close() {
        checkOpen();
        trigger(new Closed());
    }

    public String fullName() {
        return fullName;
    }

    public String emailAddress() {
        return emailAddress;
    }

    /** The balance, with two decimal places; negative while overdrawn. */
    public BigDecimal balance() {
        return balance;
    }

    /** How far below zero the balance may go, with two decimal places. */
    public BigDecimal overdraftLimit() {
        return overdraftLimit;
    }

    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new AccountClosedException(id());
        }
    }

    private void checkFunds(BigDecimal debited) {
        if (balance.add(overdraftLimit).compareTo(debited) < 0) {
            throw new InsufficientFundsException(id(), balance, overdraftLimit, debited);
        }
    }

    private static String required(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        String stripped = value.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length > maxLength) {
            throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters, was " + length);
        }
        return stripped;
    }

    /** What can happen to an account. */
    public sealed interface Event extends AggregateEvent<Account>
            permits Opened, Deposited, Withdrawn, TransferredOut, TransferredIn, OverdraftLimitSet, Closed {
    }

    /**
     * The account was opened for a customer. The customer's name and e-mail address are personal
     * data of the account: encrypted with the account's own key, and unreadable for good once the
     * bank shreds it.
     */
    @PersonalData
    public record Opened(String fullName, String emailAddress) implements Event {
        public Opened {
            Objects.requireNonNull(fullName, "fullName");
            Objects.requireNonNull(emailAddress, "emailAddress");
        }

        @Override
        public void apply(Account account) {
            account.fullName = fullName;
            account.emailAddress = emailAddress;
        }
    }

    /** Money was paid in. */
    public record Deposited(BigDecimal amount) implements Event {
        public Deposited {
            amount = Money.positive(amount, "amount");
        }

        @Override
        public void apply(Account account) {
            account.balance = account.balance.add(amount);
        }
    }

    /** Money was paid out. */
    public record Withdrawn(BigDecimal amount) implements Event {
        public Withdrawn {
            amount = Money.positive(amount, "amount");
        }

        @Override
        public void apply(Account account) {
            account.balance = account.balance.subtract(amount);
        }
    }

    /** Money left the account for a transfer. */
    public record TransferredOut(UUID transferId, BigDecimal amount) implements Event {
        public TransferredOut {
            Objects.requireNonNull(transferId, "transferId");
            amount = Money.positive(amount, "amount");
        }

        @Override
        public void apply(Account account) {
            account.balance = account.balance.subtract(amount);
        }
    }

    /** Money arrived from a transfer. */
    public record TransferredIn(UUID transferId, BigDecimal amount) implements Event {
        public TransferredIn {
            Objects.requireNonNull(transferId, "transferId");
            amount = Money.positive(amount, "amount");
        }

        @Override
        public void apply(Account account) {
            account.balance = account.balance.add(amount);
        }
    }

    /** The overdraft limit changed. */
    public record OverdraftLimitSet(BigDecimal limit) implements Event {
        public OverdraftLimitSet {
            limit = Money.nonNegative(limit, "limit");
        }

        @Override
        public void apply(Account account) {
            account.overdraftLimit = limit;
        }
    }

    /** The account was closed. */
    public record Closed() implements Event {
        @Override
        public void apply(Account account) {
            account.closed = true;
        }
    }
}
