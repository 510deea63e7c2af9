package org.disclosurereports.cli;

import org.disclosurereports.job.remote.RemotePartitioning;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/**
 * {@code worker}: builds the report partitions that runs started with {@code --workers} send, until
 * stopped. Everything a partition needs comes from its run (the data and output paths, the year) and
 * the shared job repository, so the command takes no options; the broker and the database are the
 * application's settings.
 */
@Component
public class WorkerCommand implements Command {

    private final ObjectProvider<ConnectionFactory> broker;
    private final ObjectProvider<Queue> queue;
    private final UntilStopped stopped;

    public WorkerCommand(ObjectProvider<ConnectionFactory> broker, ObjectProvider<Queue> queue, UntilStopped stopped) {
        this.broker = broker;
        this.queue = queue;
        this.stopped = stopped;
    }

    @Override
    public String name() {
        return "worker";
    }

    @Override
    public String usage() {
        return """
                worker
                    build the report partitions of runs started with run --workers, one at a time, until stopped
                    (Ctrl-C or SIGTERM: the partition in hand stops at its next commit and stays restartable);
                    takes the broker from spring.rabbitmq.* and the database from spring.datasource.*, the same as
                    the run's, and needs the run's --data and --out paths (see docs/deployment.md)""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of();
    }

    @Override
    public Map<String, String> settings(Options options) {
        return Map.of(RemotePartitioning.ROLE, RemotePartitioning.WORKER);
    }

    @Override
    public ExitCode execute(Options options) {
        System.out.println("Worker ready: building report partitions from "
                + RemotePartitioning.destination(broker.getObject(), queue.getObject()) + " (stop with Ctrl-C)");
        return stopped.await();
    }
}
