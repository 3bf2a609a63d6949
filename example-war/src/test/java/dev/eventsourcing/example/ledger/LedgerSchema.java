package dev.eventsourcing.example.ledger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Creates the table of the ledger's read model at start-up (one ledger server, so no race). */
@Singleton
@Startup
public class LedgerSchema {

    @PersistenceContext(unitName = "ledger")
    EntityManager em;

    @PostConstruct
    void createTable() {
        em.createNativeQuery("CREATE TABLE IF NOT EXISTS ledger_balances (account_id VARCHAR(36) NOT NULL,"
                + " balance NUMERIC(19, 2) NOT NULL, events BIGINT NOT NULL,"
                + " CONSTRAINT ledger_balances_pk PRIMARY KEY (account_id))").executeUpdate();
    }
}
