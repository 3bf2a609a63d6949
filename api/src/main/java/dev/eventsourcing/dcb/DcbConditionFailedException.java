package dev.eventsourcing.dcb;

import dev.eventsourcing.persistence.IntegrityException;

/**
 * A conditional append found an event matching its condition's query after its condition's
 * position: the decision was made on out-of-date events. Nothing of the append was stored. This is
 * the expected outcome of two commands racing on one boundary; read again and decide again.
 */
public class DcbConditionFailedException extends IntegrityException {
    private static final long serialVersionUID = 1L;

    /** The condition that failed. */
    private final transient DcbAppendCondition condition;

    /**
     * @param condition the condition that failed
     */
    public DcbConditionFailedException(DcbAppendCondition condition) {
        super("An event matching " + condition.failIfEventsMatch().items() + " was appended after position "
                + condition.after());
        this.condition = condition;
    }

    /** @return the condition that failed */
    public DcbAppendCondition condition() {
        return condition;
    }
}
