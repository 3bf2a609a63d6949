package dev.eventsourcing.example.bank.security;

import java.util.Set;

/**
 * The roles of the bank's API, as {@code WEB-INF/web.xml} grants them: a {@value #TELLER}
 * works with accounts and transfers; an {@value #AUDITOR} reads the notification log, the
 * statistics and the parked notifications; an {@value #OPERATOR} retries and skips parked
 * notifications.
 */
public final class BankRoles {

    public static final String TELLER = "teller";
    public static final String AUDITOR = "auditor";
    public static final String OPERATOR = "operator";

    /** Every role a user may be given. */
    public static final Set<String> ALL = Set.of(TELLER, AUDITOR, OPERATOR);

    private BankRoles() {
    }
}
