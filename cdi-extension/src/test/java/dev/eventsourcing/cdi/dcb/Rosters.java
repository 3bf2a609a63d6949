package dev.eventsourcing.cdi.dcb;

import dev.eventsourcing.cdi.Projection;
import dev.eventsourcing.dcb.application.SequencedDecision;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A projection of decisions: who joined which course, and at which positions. */
@Projection("rosters")
public class Rosters {

    private final Map<String, List<String>> students = new ConcurrentHashMap<>();
    private final List<Long> positions = Collections.synchronizedList(new ArrayList<>());

    void on(@Observes Enrolment.StudentJoined joined, SequencedDecision decided) {
        if (!decided.tags().contains(joined.student())) {
            throw new IllegalStateException("the decision lacks the student's tag: " + decided.tags());
        }
        students.computeIfAbsent(joined.course(), course -> Collections.synchronizedList(new ArrayList<>()))
                .add(joined.student());
        positions.add(decided.position());
    }

    public List<String> students(String course) {
        return List.copyOf(students.getOrDefault(course, List.of()));
    }

    public List<Long> positions() {
        synchronized (positions) {
            return List.copyOf(positions);
        }
    }
}
