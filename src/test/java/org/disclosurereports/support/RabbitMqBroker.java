package org.disclosurereports.support;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ broker for the remote partitioning tests, at {@code DISCLOSURE_TEST_RABBITMQ_HOST}:{@code _PORT}
 * (127.0.0.1:5672, guest/guest). Without one the tests are skipped, saying so, unless
 * {@code DISCLOSURE_TEST_RABBITMQ_REQUIRED=true} (CI), which makes a missing broker a failure.
 */
public final class RabbitMqBroker implements ExecutionCondition {

    public static final String HOST = env("DISCLOSURE_TEST_RABBITMQ_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("DISCLOSURE_TEST_RABBITMQ_PORT", "5672"));
    public static final String USER = env("DISCLOSURE_TEST_RABBITMQ_USER", "guest");
    public static final String PASSWORD = env("DISCLOSURE_TEST_RABBITMQ_PASSWORD", "guest");

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("DISCLOSURE_TEST_RABBITMQ_REQUIRED"));
    }

    /** The Spring settings that point an application at this broker. */
    public static List<String> settings() {
        return List.of("--spring.rabbitmq.host=" + HOST, "--spring.rabbitmq.port=" + PORT,
                "--spring.rabbitmq.username=" + USER, "--spring.rabbitmq.password=" + PASSWORD);
    }

    /** Null when the broker answers; otherwise why not. */
    public static String unavailableReason() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(PORT);
        factory.setUsername(USER);
        factory.setPassword(PASSWORD);
        factory.setConnectionTimeout(2000);
        try (Connection ignored = factory.newConnection("disclosure-reports tests")) {
            return null;
        } catch (Exception e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = unavailableReason();
        if (reason == null) {
            return ConditionEvaluationResult.enabled("RabbitMQ broker at " + HOST + ":" + PORT);
        }
        if (required()) {
            throw new IllegalStateException("RabbitMQ tests are required (DISCLOSURE_TEST_RABBITMQ_REQUIRED=true) but no broker answers at "
                    + HOST + ":" + PORT + ": " + reason);
        }
        String message = "SKIPPED: no RabbitMQ broker at " + HOST + ":" + PORT + " (" + reason + "); remote partitioning tests not run";
        System.err.println(message);
        return ConditionEvaluationResult.disabled(message);
    }

    /**
     * Restarts the broker's application on its node ({@code rabbitmqctl stop_app}, {@code start_app}):
     * every connection drops, and durable queues come back with their persistent messages.
     */
    public static void restart() throws IOException, InterruptedException {
        stop();
        start();
    }

    /** Stops the broker's application: no connection is accepted until {@link #start()}. */
    public static void stop() throws IOException, InterruptedException {
        rabbitmqctl("stop_app");
    }

    public static void start() throws IOException, InterruptedException {
        rabbitmqctl("start_app");
    }

    private static void rabbitmqctl(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("rabbitmqctl " + command + " failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }
}
