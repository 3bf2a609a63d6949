package dev.eventsourcing.jpa;

import dev.eventsourcing.dcb.DcbQuery;
import dev.eventsourcing.dcb.DcbQueryItem;
import java.util.List;

/**
 * The native SQL of DCB reads and condition checks, built from a query's items.
 *
 * <p>Every shape of query is served through B-tree indexes, so that a read costs in proportion
 * to the events it selects, not to the log. An item with tags starts from its first tag's rows
 * in {@code es_dcb_tags} (index: application, tag, position), joins the rows of its other tags
 * at the same position and, when it names types, the event's row to filter by type. An item of
 * types alone reads {@code es_dcb_events} through its (type, application, position) index. The
 * items of a query are ORed as a {@code UNION} of their positions, which also removes events
 * matched by several items, joined back to the events by primary key. A query that matches
 * everything reads the events by primary key. With a limit, each item's part is limited too: the
 * first n of a union lie among the first n of each part.
 *
 * <p>On PostgreSQL ({@link Join#LATERAL}) the events are joined to the positions
 * {@code LATERAL}, behind an {@code OFFSET 0} that keeps the planner from flattening it, so the
 * positions always drive the join. Without it, a plan cached while the tables were small (the JDBC driver prepares a
 * statement on the server after five runs, and the server then reuses a generic plan) could
 * start from every event of the application and probe the tag rows for each: seconds instead of
 * milliseconds for a read of ten thousand events out of twenty thousand.
 */
final class DcbSelects {

    /** How a read joins the events to the positions its items select. */
    enum Join {
        /** PostgreSQL: a {@code LATERAL} lookup per position, which no cached plan can reorder. */
        LATERAL,
        /**
         * MariaDB and H2: a query of one item as one plain join from the tag rows to the events
         * (which H2 orders by the tag rows, as it would not a derived table); a query of several
         * items as their positions in a derived table joined by primary key ({@code IN} over a
         * {@code UNION} ran as a subquery per event of the application on H2).
         */
        DERIVED_TABLE
    }

    private DcbSelects() {
    }

    /**
     * The matching events of the application with positions in (after, bound], ascending, at
     * most {@code limit} of them ({@code limit < 0} for all), selected as {@link DcbRows#COLUMNS},
     * with the events joined to the matching positions as the database does it best.
     */
    static NativeSql events(String application, DcbQuery query, long after, long bound, int limit, Join join) {
        if (join == Join.DERIVED_TABLE && query.items().size() == 1 && !query.matchesAll()) {
            NativeSql single = new NativeSql();
            positions(single, application, query.items().get(0), after, bound, limit, true);
            return single;
        }
        NativeSql sql = new NativeSql().text("SELECT " + DcbRows.COLUMNS + " FROM ");
        if (query.matchesAll()) {
            sql.text("es_dcb_events e WHERE e.application_name = ").parameter(application)
                    .text(" AND e.event_position > ").parameter(after)
                    .text(" AND e.event_position <= ").parameter(bound);
        } else {
            switch (join) {
                case LATERAL -> {
                    sql.text("(");
                    union(sql, application, query, after, bound, limit);
                    sql.text(") s CROSS JOIN LATERAL (SELECT * FROM es_dcb_events x WHERE x.application_name = ")
                            .parameter(application).text(" AND x.event_position = s.p OFFSET 0) e");
                }
                case DERIVED_TABLE -> {
                    sql.text("es_dcb_events e JOIN (");
                    union(sql, application, query, after, bound, limit);
                    sql.text(") s ON e.event_position = s.p WHERE e.application_name = ").parameter(application);
                }
            }
        }
        return sql.text(" ORDER BY e.event_position" + limit(limit));
    }

    private static void union(NativeSql sql, String application, DcbQuery query, long after, long bound, int limit) {
        List<DcbQueryItem> items = query.items();
        for (int i = 0; i < items.size(); i++) {
            sql.text(i == 0 ? "" : " UNION ").text(limit >= 0 ? "(" : "");
            positions(sql, application, items.get(i), after, bound, limit, false);
            sql.text(limit >= 0 ? ")" : "");
        }
    }

    /**
     * The position of the first event of the application after {@code after} that matches the
     * item (an item that matches everything: any event), read as {@code lockingRead} says.
     */
    static NativeSql firstMatch(String application, DcbQueryItem item, long after, String lockingRead) {
        NativeSql sql = new NativeSql();
        if (item.matchesAll()) {
            sql.text("SELECT e.event_position AS p FROM es_dcb_events e WHERE e.application_name = ").parameter(application)
                    .text(" AND e.event_position > ").parameter(after)
                    .text(" ORDER BY e.event_position LIMIT 1");
        } else {
            positions(sql, application, item, after, Long.MAX_VALUE, 1, false);
        }
        return sql.text(lockingRead);
    }

    /**
     * The positions (column {@code p}) of the item's events in (after, bound], ascending when
     * limited; or, with {@code rows}, the events themselves as {@link DcbRows#COLUMNS}, ascending.
     */
    private static void positions(NativeSql sql, String application, DcbQueryItem item, long after, long bound, int limit,
                                  boolean rows) {
        List<String> tags = item.tags().stream().sorted().toList();
        String events = rows ? "e" : "x";
        String alias = tags.isEmpty() ? events : "t0";
        sql.text("SELECT " + (rows ? DcbRows.COLUMNS : alias + ".event_position AS p") + " FROM ");
        if (tags.isEmpty()) {
            sql.text("es_dcb_events " + events);
        } else {
            sql.text("es_dcb_tags t0");
            for (int i = 1; i < tags.size(); i++) {
                String other = "t" + i;
                sql.text(" JOIN es_dcb_tags " + other + " ON " + other + ".application_name = t0.application_name AND "
                        + other + ".event_position = t0.event_position AND " + other + ".tag = ").parameter(tags.get(i));
            }
            if (rows || !item.types().isEmpty()) {
                sql.text(" JOIN es_dcb_events " + events + " ON " + events + ".application_name = t0.application_name"
                        + " AND " + events + ".event_position = t0.event_position");
            }
        }
        sql.text(" WHERE " + alias + ".application_name = ").parameter(application);
        if (!tags.isEmpty()) {
            sql.text(" AND t0.tag = ").parameter(tags.get(0));
        }
        if (!item.types().isEmpty()) {
            sql.text(" AND " + events + ".event_type IN (").parameters(item.types().stream().sorted().toList()).text(")");
        }
        sql.text(" AND " + alias + ".event_position > ").parameter(after)
                .text(" AND " + alias + ".event_position <= ").parameter(bound);
        if (rows || limit >= 0) {
            sql.text(" ORDER BY " + alias + ".event_position" + limit(limit));
        }
    }

    private static String limit(int limit) {
        return limit >= 0 ? " LIMIT " + limit : "";
    }
}
