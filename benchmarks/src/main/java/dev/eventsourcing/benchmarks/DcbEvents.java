package dev.eventsourcing.benchmarks;

import dev.eventsourcing.dcb.DcbAppendCondition;
import dev.eventsourcing.dcb.DcbConditionFailedException;
import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbQueryItem;
import dev.eventsourcing.dcb.DcbReadResponse;
import dev.eventsourcing.dcb.DcbRecorder;
import java.util.List;
import java.util.Set;

/** The DCB events every contender stores (the same small JSON state as {@link Events}), and one decision. */
final class DcbEvents {

    static final String DECIDED = "StudentJoinedCourse";

    private DcbEvents() {
    }

    static DcbEvent event(String type, Set<String> tags) {
        return DcbEvent.of(type, Events.STATE, tags);
    }

    static DcbQuery tag(String tag) {
        return DcbQuery.of(DcbQueryItem.tags(tag));
    }

    /**
     * One writer deciding again and again on one boundary, as a DCB application's {@code execute}
     * does: it reads what is new on the boundary since the position it last knew, then appends one
     * event on the condition that nothing matching the boundary came after the head of that read.
     */
    static final class Decider {
        private final DcbRecorder recorder;
        private final DcbQuery boundary;
        private final Set<String> tags;
        private long known;

        Decider(DcbRecorder recorder, String tag) {
            this.recorder = recorder;
            this.boundary = tag(tag);
            this.tags = Set.of(tag);
        }

        /** @return whether the decision was appended; false when another writer's came first */
        boolean decide() {
            DcbReadResponse read = recorder.read(boundary, known);
            known = read.after();
            try {
                known = recorder.append(List.of(event(DECIDED, tags)), new DcbAppendCondition(boundary, known));
                return true;
            } catch (DcbConditionFailedException lost) {
                return false;
            }
        }
    }
}
