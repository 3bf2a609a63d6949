package dev.eventsourcing.example.bank.domainmodel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts of money: {@link BigDecimal}s with exactly two decimal places. Parsing and checks live
 * here so that the aggregate, its events and the REST layer agree on what money is.
 */
public final class Money {

    /** Zero, with two decimal places. */
    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    /**
     * Parses a decimal string such as {@code "10"}, {@code "10.5"} or {@code "10.50"}.
     *
     * @throws IllegalArgumentException when the text is not a plain decimal number or has more
     *                                  than two decimal places
     */
    public static BigDecimal parse(String text, String name) {
        if (text == null || !text.strip().matches("[+-]?\\d{1,15}(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException(name + " must be a decimal number with at most two decimal places, was "
                    + (text == null ? "null" : "'" + text + "'"));
        }
        return new BigDecimal(text.strip()).setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * The amount with two decimal places, when it is greater than zero.
     *
     * @throws IllegalArgumentException when it is null, not positive, or has more decimal places
     */
    public static BigDecimal positive(BigDecimal amount, String name) {
        BigDecimal money = scaled(amount, name);
        if (money.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + money.toPlainString());
        }
        return money;
    }

    /**
     * The amount with two decimal places, when it is zero or more.
     *
     * @throws IllegalArgumentException when it is null, negative, or has more decimal places
     */
    public static BigDecimal nonNegative(BigDecimal amount, String name) {
        BigDecimal money = scaled(amount, name);
        if (money.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + money.toPlainString());
        }
        return money;
    }

    /** The amount as text with two decimal places, e.g. {@code "-12.50"}. */
    public static String format(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static BigDecimal scaled(BigDecimal amount, String name) {
        if (amount == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + " must have at most two decimal places, was "
                    + amount.toPlainString(), e);
        }
    }
}
