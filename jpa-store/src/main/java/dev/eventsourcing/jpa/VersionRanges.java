package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.StoredEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The versions a batch of events takes, as one range per originator, so that a single indexed
 * statement can ask whether any of them is taken: a batch usually holds a few originators with
 * consecutive versions. A range may cover versions the batch does not hold (versions 2 and 4
 * cover 3), so a hit is confirmed event by event with {@link #firstTaken}, which runs only then.
 *
 * <p>Originator ids are bound as text and cast in SQL, which every database and provider does
 * alike; binding {@link UUID} objects to native queries differs between providers.
 */
final class VersionRanges {

    private record Range(UUID originatorId, long from, long to) {
    }

    private final List<StoredEvent> events;
    private final List<Range> ranges;

    VersionRanges(List<StoredEvent> events) {
        this.events = events;
        Map<UUID, long[]> bounds = new LinkedHashMap<>();
        for (StoredEvent event : events) {
            long version = event.originatorVersion();
            bounds.merge(event.originatorId(), new long[] {version, version},
                    (known, one) -> new long[] {Math.min(known[0], version), Math.max(known[1], version)});
        }
        this.ranges = bounds.entrySet().stream()
                .map(entry -> new Range(entry.getKey(), entry.getValue()[0], entry.getValue()[1])).toList();
    }

    /**
     * The condition that a row of {@code alias} lies in one of the ranges, with parameters
     * numbered from {@code firstParameter}; bind them with {@link #bind}.
     */
    String condition(String alias, int firstParameter) {
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < ranges.size(); i++) {
            int p = firstParameter + 3 * i;
            sql.append(i == 0 ? "" : " OR ")
                    .append("(").append(alias).append(".originator_id = CAST(?").append(p).append(" AS UUID) AND ")
                    .append(alias).append(".originator_version BETWEEN ?").append(p + 1).append(" AND ?").append(p + 2).append(")");
        }
        return sql.append(")").toString();
    }

    /**
     * How many rows of {@code es_events} lie in the ranges, as a sum of one counting subquery per
     * range, each correlated to the application of the row {@code owner} of the outer statement,
     * with the parameters of {@link #condition}; bind them with {@link #bind}. Each subquery is an
     * index seek, where H2 reads {@link #condition}'s OR of several originators by scanning every
     * event of the application.
     */
    String countEach(String owner, int firstParameter) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < ranges.size(); i++) {
            int p = firstParameter + 3 * i;
            sql.append(i == 0 ? "(" : " + (")
                    .append("SELECT COUNT(*) FROM es_events r").append(i)
                    .append(" WHERE r").append(i).append(".application_name = ").append(owner).append(".application_name")
                    .append(" AND r").append(i).append(".originator_id = CAST(?").append(p).append(" AS UUID)")
                    .append(" AND r").append(i).append(".originator_version BETWEEN ?").append(p + 1)
                    .append(" AND ?").append(p + 2).append(")");
        }
        return sql.toString();
    }

    /** How many originators the batch holds: one range each. */
    int size() {
        return ranges.size();
    }

    /** Binds the parameters of {@link #condition} from {@code firstParameter} on. */
    Query bind(Query query, int firstParameter) {
        for (int i = 0; i < ranges.size(); i++) {
            Range range = ranges.get(i);
            int p = firstParameter + 3 * i;
            query.setParameter(p, range.originatorId().toString())
                    .setParameter(p + 1, range.from())
                    .setParameter(p + 2, range.to());
        }
        return query;
    }

    /**
     * The first event of the batch, in batch order, whose version the table holds already, or
     * null. One statement per originator, each returning only the stored versions in its range.
     *
     * @param select a statement with parameters ?1 (the owner's name), ?2 (an originator id, as
     *               text), ?3 and ?4 (the range of versions), returning the stored versions
     */
    StoredEvent firstTaken(EntityManager em, String select, String ownerName) {
        Set<String> taken = new HashSet<>();
        for (Range range : ranges) {
            List<?> versions = em.createNativeQuery(select)
                    .setParameter(1, ownerName)
                    .setParameter(2, range.originatorId().toString())
                    .setParameter(3, range.from())
                    .setParameter(4, range.to())
                    .getResultList();
            versions.forEach(version -> taken.add(range.originatorId() + "@" + ((Number) version).longValue()));
        }
        return events.stream()
                .filter(event -> taken.contains(event.originatorId() + "@" + event.originatorVersion()))
                .findFirst().orElse(null);
    }
}
