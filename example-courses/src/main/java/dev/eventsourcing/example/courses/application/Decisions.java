package dev.eventsourcing.example.courses.application;

import dev.eventsourcing.dcb.DcbReadResponse;
import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.domain.Perspective;
import dev.eventsourcing.dcb.domain.Slice;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Runs the courses' slices and perspectives, each call in a container-managed transaction
 * (REQUIRED) that the append joins. A refusal ({@code Refusal}) and a lost condition race (an
 * {@code IntegrityException}) arrive unwrapped, as {@code ejb-jar.xml} declares them, and roll
 * the transaction back.
 */
@Stateless
public class Decisions {

    @Inject
    CourseSubscriptions application;

    /**
     * Reads the slice's boundary, executes it and appends its decisions on the condition that
     * nothing new was appended inside the boundary.
     *
     * @return the slice, executed
     */
    public <S extends Slice> S execute(S slice) {
        application.execute(slice);
        return slice;
    }

    /** @return the perspective, with everything in its boundary applied */
    public <P extends Perspective> P evaluate(P perspective) {
        application.evaluate(perspective);
        return perspective;
    }

    /** @return at most {@code limit} events of the store after the position {@code after} */
    public DcbReadResponse page(long after, int limit) {
        return application.recorder().read(DcbQuery.all(), after, limit);
    }
}
