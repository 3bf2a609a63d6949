package dev.eventsourcing.benchmarks;

import dev.eventsourcing.persistence.inmemory.InMemoryAggregateRecorder;
import dev.eventsourcing.persistence.inmemory.InMemoryApplicationRecorder;
import dev.eventsourcing.persistence.inmemory.InMemoryProcessRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Makes the contenders of one backend: the baseline first, so that ratios can refer to it. */
final class Contenders {

    private Contenders() {
    }

    /**
     * The contenders of one backend whose names are among {@code names} (all when it is empty).
     * The raw JDBC baseline is always made, so that ratios have a reference.
     */
    static List<Contender> of(Backend backend, Set<String> names) {
        List<Contender> contenders = new ArrayList<>();
        for (Contender c : of(backend)) {
            if (names.isEmpty() || names.contains(c.name()) || c.name().equals(Report.BASELINE)) {
                contenders.add(c);
            } else {
                c.close();
            }
        }
        return contenders;
    }

    private static List<Contender> of(Backend backend) {
        List<Contender> contenders = new ArrayList<>();
        try {
            switch (backend) {
                case MEMORY -> contenders.add(RecorderContender.renewable(() -> new RecorderContender("in-memory",
                        Backend.MEMORY, new InMemoryApplicationRecorder(), new InMemoryAggregateRecorder(),
                        new InMemoryProcessRecorder(), null, null)));
                case H2, MARIADB -> {
                    contenders.add(new JdbcContender(backend));
                    contenders.add(JpaContenders.create(backend));
                }
                case POSTGRESQL -> {
                    contenders.add(new JdbcContender(backend));
                    contenders.add(JpaContenders.create(backend));
                    contenders.add(new AxonContender());
                }
            }
            return contenders;
        } catch (RuntimeException e) {
            contenders.forEach(Contender::close);
            throw e;
        }
    }
}
