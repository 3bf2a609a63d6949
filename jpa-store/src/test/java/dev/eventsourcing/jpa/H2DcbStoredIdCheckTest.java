package dev.eventsourcing.jpa;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eventsourcing.dcb.DcbEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On H2, the check that an append's event ids are not stored yet looks each id up in the id
 * index: a check that scanned the application's events made every append cost in proportion to
 * the store, and filling a store of a million events take hours.
 */
class H2DcbStoredIdCheckTest {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @Test
    void theCheckOfAnAppendsIdsLooksThemUpRatherThanScanningTheStore() throws SQLException {
        JpaDcbRecorder recorder = new JpaDcbRecorder(TestDatabase.uniqueName("dcb"), DATABASE.transactions(), DATABASE.strategy());
        for (int batch = 0; batch < 5; batch++) {
            recorder.append(events(1000));
        }

        String plan = explainAnalyze(DcbInserts.storedIds(recorder.applicationName(), events(10), ""));

        Matcher scanned = SCAN_COUNT.matcher(plan);
        assertTrue(scanned.find() && Long.parseLong(scanned.group(1)) <= 11, plan);
    }

    private static List<DcbEvent> events(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new DcbEvent("registered", new byte[] {1}, Set.of("course:" + i), UUID.randomUUID(), Map.of()))
                .toList();
    }

    private static String explainAnalyze(NativeSql check) throws SQLException {
        List<Object> parameters = check.parameters();
        try (Connection connection = DATABASE.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "EXPLAIN ANALYZE " + check.toString().replaceAll("\\?\\d+", "?"))) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
