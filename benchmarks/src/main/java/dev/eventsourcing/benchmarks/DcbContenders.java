package dev.eventsourcing.benchmarks;

import dev.eventsourcing.dcb.inmemory.InMemoryDcbRecorder;
import java.util.List;
import java.util.function.Supplier;

/** Makes the DCB contenders of one backend, each on a store of its own every time it is asked. */
final class DcbContenders {

    private DcbContenders() {
    }

    static List<Supplier<DcbContender>> of(Backend backend) {
        return switch (backend) {
            case MEMORY -> List.of(() -> new DcbContender("DCB in-memory", backend, new InMemoryDcbRecorder(), () -> { },
                    () -> { }));
            case H2, POSTGRESQL, MARIADB -> List.of();
        };
    }
}
