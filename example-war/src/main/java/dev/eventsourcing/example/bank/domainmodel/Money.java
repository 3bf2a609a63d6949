package dev.eventsourcing.example.bank.domainmodel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts of money: {@link BigDecimal}s with exactly two decimal places. Parsing and checks live
 * here so that the aggregate, its events and the REST layer agree on what money is; every check
 * throws an {@link InvalidAmountException}.
 *
 * <p>Commands take their amounts through {@link #amount} and {@link #limit}, which refuse more
 * than {@link #MAX}. Events check only {@link #positive} and {@link #nonNegative}: an event is a
 * fact already recorded, and one recorded before the maximum existed must still load.
 */
public final class Money {

    /** Zero, with two decimal places. */
    public static final BigDecimal ZERO = new BigDecimal("0.00");

    /**
     * The most that one command may pay in, pay out, transfer or allow as an overdraft. It keeps
     * every amount, and every balance short of a hundred million such commands, within what the
     * read model's {@code NUMERIC(19, 2)} column holds.
     */
    public static final BigDecimal MAX = new BigDecimal("1000000000.00");

    private Money() {
    }

    /**
     * Parses a decimal string such as {@code "10"}, {@code "10.5"} or {@code "10.50"}.
     *
     * @throws InvalidAmountException when the text is not a plain decimal number or has more
     *                                than two decimal places
     */
    public static BigDecimal parse(String text, String name) {
        if (text == null || !text.strip().matches("[+-]?\\d{1,15}(\\.\\d{1,2})?")) {
            throw new InvalidAmountException(name + " must be a decimal number with at most two decimal places, was "
                    + (text == null ? "null" : "'" + text + "'"));
        }
        return new BigDecimal(text.strip()).setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * An amount that a command may pay in, pay out or transfer: with two decimal places, greater
     * than zero and at most {@link #MAX}.
     *
     * @throws InvalidAmountException when it is null, not positive, larger than {@link #MAX}, or
     *                                has more decimal places
     */
    public static BigDecimal amount(BigDecimal amount, String name) {
        return positive(atMostMax(amount, name), name);
    }

    /**
     * A limit that a command may set: with two decimal places, zero or more and at most
     * {@link #MAX}.
     *
     * @throws InvalidAmountException when it is null, negative, larger than {@link #MAX}, or has
     *                                more decimal places
     */
    public static BigDecimal limit(BigDecimal limit, String name) {
        return nonNegative(atMostMax(limit, name), name);
    }

    /**
     * The amount with two decimal places, when it is greater than zero; with no maximum, for
     * events (commands use {@link #amount}).
     *
     * @throws InvalidAmountException when it is null, not positive, or has more decimal places
     */
    public static BigDecimal positive(BigDecimal amount, String name) {
        BigDecimal money = scaled(amount, name);
        if (money.signum() <= 0) {
            throw new InvalidAmountException(name + " must be positive, was " + money.toPlainString());
        }
        return money;
    }

    /**
     * The amount with two decimal places, when it is zero or more; with no maximum, for events
     * (commands use {@link #limit}).
     *
     * @throws InvalidAmountException when it is null, negative, or has more decimal places
     */
    public static BigDecimal nonNegative(BigDecimal amount, String name) {
        BigDecimal money = scaled(amount, name);
        if (money.signum() < 0) {
            throw new InvalidAmountException(name + " must not be negative, was " + money.toPlainString());
        }
        return money;
    }

    /** The amount as text with two decimal places, e.g. {@code "-12.50"}. */
    public static String format(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    // Compared before scaling: setting the scale of 1E+999999999 would compute all its digits.
    private static BigDecimal atMostMax(BigDecimal amount, String name) {
        if (amount != null && amount.compareTo(MAX) > 0) {
            throw new InvalidAmountException(name + " must be at most " + MAX.toPlainString() + ", was " + amount);
        }
        return amount;
    }

    private static BigDecimal scaled(BigDecimal amount, String name) {
        if (amount == null) {
            throw new InvalidAmountException(name + " is missing");
        }
        // Rounding 1E-999999999 to two places would compute a power of ten with as many digits;
        // stripping the zeros first is cheap, and toString shows the amount without writing them.
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw new InvalidAmountException(name + " must have at most two decimal places, was " + amount);
        }
        return stripped.setScale(2, RoundingMode.UNNECESSARY);
    }
}
