package dev.eventsourcing.testing.container;

import dev.eventsourcing.system.ReaderStatus;
import dev.eventsourcing.system.Readers;

import java.time.Duration;
import java.util.List;

/** Says where each reader is when a wait timed out, so that the failure shows who lags and why. */
final class Lag {

    private Lag() {
    }

    static AssertionError report(String what, Readers readers, RuntimeException timeout) {
        List<ReaderStatus> statuses = readers.statuses();
        StringBuilder message = new StringBuilder(what).append(". The readers:");
        if (statuses.isEmpty()) {
            message.append("\n    (none)");
        }
        statuses.forEach(status -> message.append("\n    ").append(describe(status)));
        return new AssertionError(message.toString(), timeout);
    }

    static String describe(ReaderStatus status) {
        StringBuilder line = new StringBuilder("'").append(status.reader()).append("' following '")
                .append(status.upstream()).append("': at notification ").append(status.position())
                .append(" of ").append(status.logEnd());
        if (status.lag() > 0) {
            line.append(", ").append(status.lag()).append(" behind");
        }
        if (status.activity() != ReaderStatus.Activity.IDLE) {
            line.append(", ").append(status.activity().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" since ").append(status.activitySince());
        }
        if (status.failing()) {
            line.append(status.failingId() > 0 ? ", failing on notification " + status.failingId() : ", failing")
                    .append(" (").append(status.attempts()).append(status.attempts() == 1 ? " attempt" : " attempts")
                    .append("): ").append(status.failure());
        }
        if (status.parked() > 0) {
            line.append(", ").append(status.parked()).append(" parked");
        }
        return line.toString();
    }

    static String format(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
