package org.disclosurereports.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The MySQL-compatible server the MySQL tests use: {@code DISCLOSURE_TEST_MYSQL_URL} (default
 * {@code jdbc:mysql://127.0.0.1:3306/}), {@code DISCLOSURE_TEST_MYSQL_USER} (root) and
 * {@code DISCLOSURE_TEST_MYSQL_PASSWORD} (empty). Each Spring context gets a database of its own.
 * <p>
 * Without a server the tests are skipped and say so, unless {@code DISCLOSURE_TEST_MYSQL_REQUIRED=true}
 * (or {@code -Dmysql.required=true}), as in CI, where a missing server fails them: CI must prove they ran.
 */
public final class MySqlServer implements ExecutionCondition {

    public static final String URL = env("DISCLOSURE_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");
    public static final String USER = env("DISCLOSURE_TEST_MYSQL_USER", "root");
    public static final String PASSWORD = env("DISCLOSURE_TEST_MYSQL_PASSWORD", "");
    private static final String OPTIONS = "?useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=UTF-8&connectionTimeZone=SERVER";

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    public static boolean required() {
        return Boolean.getBoolean("mysql.required") || "true".equalsIgnoreCase(System.getenv("DISCLOSURE_TEST_MYSQL_REQUIRED"));
    }

    /** Null when a server answers; otherwise why not. */
    public static String unavailableReason() {
        try (Connection c = DriverManager.getConnection(URL + OPTIONS, USER, PASSWORD)) {
            return c.isValid(2) ? null : "the server does not answer";
        } catch (SQLException e) {
            return e.getMessage().lines().findFirst().orElse(e.toString());
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = unavailableReason();
        if (reason == null) {
            return ConditionEvaluationResult.enabled("MySQL-compatible server at " + URL);
        }
        if (required()) {
            throw new IllegalStateException("MySQL tests are required (DISCLOSURE_TEST_MYSQL_REQUIRED=true) but no server answers at " + URL + ": " + reason);
        }
        String message = "SKIPPED: no MySQL-compatible server at " + URL + " (" + reason + "); MySQL tests not run";
        System.err.println(message);
        return ConditionEvaluationResult.disabled(message);
    }

    /** Creates a fresh utf8mb4 database and returns its JDBC URL. */
    public static String createDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(URL + OPTIONS, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return URL + name + OPTIONS;
    }

    private static final List<String> FRESH = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FRESH.forEach(MySqlServer::dropDatabase)));
    }

    /**
     * Points Spring's datasource at a fresh database, dropped when the test JVM ends. Named in
     * {@code @ContextConfiguration(initializers = MySqlServer.FreshDatabase.class)}: test classes that are
     * otherwise configured alike share one Spring context (Spring's context cache) and so one database,
     * as the H2 classes share one in-memory database.
     */
    public static final class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String url = createDatabase("disclosure_it");
            FRESH.add(url);
            TestPropertyValues.of("spring.datasource.url=" + url, "spring.datasource.username=" + USER,
                    "spring.datasource.password=" + PASSWORD).applyTo(context);
        }
    }

    public static void dropDatabase(String jdbcUrl) {
        String name = jdbcUrl.substring(URL.length(), jdbcUrl.indexOf('?'));
        try (Connection c = DriverManager.getConnection(URL + OPTIONS, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            // a leftover test database is harmless
        }
    }
}
