package dev.eventsourcing.system;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The status of a reader in a log, made of its segments' statuses: its position is the lowest
 * segment position (the reader has processed everything up to it, in every segment, whichever
 * node holds it), and what the workers are doing, since when and how far behind is told by the
 * segments this node holds, since the others are processed elsewhere.
 */
final class SegmentStatuses {

    private SegmentStatuses() {
    }

    /** The status of the workers of one reader and log, one per segment, ascending. */
    static ReaderStatus of(List<Worker> workers) {
        if (workers.size() == 1 && workers.get(0).segment.count == 1) {
            return workers.get(0).status();
        }
        Worker any = workers.get(0);
        long logEnd = any.log.end();
        long parked = any.parking.parked().size();
        List<ReaderStatus> all = workers.stream()
                .map(worker -> worker.status(worker.segment.position(worker.tracking), logEnd, parked)).toList();
        List<Integer> held = workers.stream().filter(worker -> worker.segment.held()).map(worker -> worker.segment.index)
                .toList();
        List<ReaderStatus> here = held.stream().map(all::get).toList();
        ReaderStatus first = all.get(0);
        ReaderStatus failing = here.stream().filter(ReaderStatus::failing).findFirst().orElse(null);
        long position = all.stream().mapToLong(ReaderStatus::position).min().orElse(0);
        long end = all.stream().mapToLong(ReaderStatus::logEnd).max().orElse(position);
        ReaderStatus busiest = here.stream().filter(status -> status.activity() == ReaderStatus.Activity.RUNNING)
                .min(Comparator.comparing(ReaderStatus::activitySince)).orElse(here.isEmpty() ? first : here.get(0));
        Instant behindSince = here.stream().map(ReaderStatus::behindSince).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        Instant at = all.stream().map(ReaderStatus::at).max(Comparator.naturalOrder()).orElse(first.at());
        return new ReaderStatus(first.reader(), first.upstream(), position, end,
                failing == null ? 0 : failing.failingId(), failing == null ? null : failing.failure(),
                failing == null ? null : failing.failedAt(), failing == null ? 0 : failing.attempts(), first.parked(),
                end == position ? null : behindSince, busiest.activity(), busiest.activitySince(), at,
                workers.size(), held);
    }
}
