package dev.eventsourcing.testing;

import dev.eventsourcing.dcb.DcbAppendCondition;
import dev.eventsourcing.dcb.DcbEvent;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbRecorder;
import dev.eventsourcing.dcb.DcbSequencedEvent;
import dev.eventsourcing.dcb.application.DcbApplication;
import dev.eventsourcing.dcb.application.DcbMapper;
import dev.eventsourcing.dcb.domain.Perspective;
import dev.eventsourcing.dcb.domain.TaggedDecision;
import dev.eventsourcing.persistence.MapperException;

import java.util.ArrayList;
import java.util.List;

/**
 * Stores decisions in an application's DCB recorder and reads them back, as a deployment would: a
 * decision its mapper cannot write, cannot read, or reads as a different value fails with an
 * {@link AssertionError} that names it and says why.
 */
final class DecisionRoundTrip {

    private final DcbApplication application;
    private final DcbMapper mapper;
    private final DcbRecorder recorder;

    DecisionRoundTrip(DcbApplication application) {
        this.application = application;
        this.mapper = application.mapper();
        this.recorder = application.recorder();
    }

    /** Appends the given decisions without a condition, and checks they read back as given. */
    void store(List<TaggedDecision> given) {
        if (!given.isEmpty()) {
            long before = recorder.head().orElse(0);
            recorder.append(written("given decision", given));
            readBack("given decision", given, before);
        }
    }

    /** Appends triggered decisions on the condition of the perspective's boundary, and checks they read back. */
    void append(List<TaggedDecision> triggered, Perspective perspective) {
        if (!triggered.isEmpty()) {
            long before = recorder.head().orElse(0);
            DcbAppendCondition condition = new DcbAppendCondition(mapper.toQuery(perspective.consistencyBoundary()),
                    perspective.lastKnownPosition());
            recorder.append(written("triggered decision", triggered), condition);
            readBack("triggered decision", triggered, before);
        }
    }

    // Each decision on its own, so that the message names the one that fails.
    private List<DcbEvent> written(String what, List<TaggedDecision> decisions) {
        List<DcbEvent> events = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            try {
                events.add(mapper.toDcbEvent(decisions.get(i)));
            } catch (MapperException e) {
                throw new AssertionError("The " + what + " " + (i + 1) + " (" + DecisionText.describe(decisions.get(i))
                        + ") cannot be stored by the mapper of application '" + application.name() + "': " + e.getMessage()
                        + "\nEvery decision must survive a round trip through the mapper, or saving it fails.", e);
            }
        }
        return events;
    }

    private void readBack(String what, List<TaggedDecision> decisions, long after) {
        List<DcbSequencedEvent> stored = recorder.read(DcbQuery.all(), after).events();
        for (int i = 0; i < decisions.size(); i++) {
            TaggedDecision read;
            try {
                read = mapper.toDecision(stored.get(i)).tagged();
            } catch (MapperException e) {
                throw new AssertionError("The " + what + " " + (i + 1) + " (" + DecisionText.describe(decisions.get(i))
                        + ") was stored but cannot be read back by the mapper of application '" + application.name()
                        + "': " + e.getMessage(), e);
            }
            if (!read.equals(decisions.get(i))) {
                throw new AssertionError("The " + what + " " + (i + 1) + " does not survive a round trip through the mapper:"
                        + "\n    stored:     " + DecisionText.describe(decisions.get(i))
                        + "\n    read back:  " + DecisionText.describe(read)
                        + "\nA component the JSON form does not keep, or an equals that compares arrays or identities,"
                        + " makes what is read differ from what was decided.");
            }
        }
    }
}
