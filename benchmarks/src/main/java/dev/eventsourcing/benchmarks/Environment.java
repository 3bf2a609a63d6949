package dev.eventsourcing.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures depend on: JDK, machine, database versions and durability settings, options. */
final class Environment {

    private Environment() {
    }

    static Map<String, String> describe(Options options) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("date", Instant.now().toString());
        env.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("maxHeap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        env.put("options", options.toString());
        env.put("hibernate", org.hibernate.Version.getVersionString());
        env.put("h2", org.h2.engine.Constants.FULL_VERSION + ", embedded, file mode");
        env.put("pool", "HikariCP, " + BenchDatabase.POOL_SIZE + " connections, auto-commit off");
        if (options.backends().contains(Backend.POSTGRESQL)) {
            env.put("postgresql", query("jdbc:postgresql://127.0.0.1:5432/test", "postgres",
                    "SELECT version() || '; fsync=' || current_setting('fsync') || ', synchronous_commit='"
                            + " || current_setting('synchronous_commit') || ', shared_buffers='"
                            + " || current_setting('shared_buffers') || ', wal_level=' || current_setting('wal_level')"
                            + " || ', autovacuum=' || current_setting('autovacuum')"));
        }
        if (options.backends().contains(Backend.MARIADB)) {
            env.put("mariadb", query("jdbc:mariadb://127.0.0.1:3306/test", "root",
                    "SELECT CONCAT(VERSION(), '; innodb_flush_log_at_trx_commit=', @@innodb_flush_log_at_trx_commit,"
                            + " ', innodb_buffer_pool_size=', @@innodb_buffer_pool_size, ', log_bin=', @@log_bin,"
                            + " ', sync_binlog=', @@sync_binlog)"));
        }
        return env;
    }

    private static String query(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            return "unreachable: " + e.getMessage();
        }
    }
}
