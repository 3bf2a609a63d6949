package dev.eventsourcing.cdi.internal;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceContextType;
import jakarta.persistence.PersistenceProperty;
import jakarta.persistence.SynchronizationType;

/** {@code @PersistenceContext(unitName = ...)}, transaction-scoped and synchronised. */
@SuppressWarnings("all")
final class PersistenceContextLiteral extends AnnotationLiteral<PersistenceContext> implements PersistenceContext {

    private static final long serialVersionUID = 1L;

    private final String unitName;

    PersistenceContextLiteral(String unitName) {
        this.unitName = unitName;
    }

    @Override
    public String name() {
        return "";
    }

    @Override
    public String unitName() {
        return unitName;
    }

    @Override
    public PersistenceContextType type() {
        return PersistenceContextType.TRANSACTION;
    }

    @Override
    public SynchronizationType synchronization() {
        return SynchronizationType.SYNCHRONIZED;
    }

    @Override
    public PersistenceProperty[] properties() {
        return new PersistenceProperty[0];
    }
}
