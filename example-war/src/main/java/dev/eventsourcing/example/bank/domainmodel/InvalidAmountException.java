package dev.eventsourcing.example.bank.domainmodel;

/**
 * An amount that is not money the bank accepts: not a decimal with at most two places, of the
 * wrong sign, or larger than {@link Money#MAX}. Thrown before anything is recorded.
 */
public class InvalidAmountException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidAmountException(String message) {
        super(message);
    }

    public InvalidAmountException(String message, Throwable cause) {
        super(message, cause);
    }
}
