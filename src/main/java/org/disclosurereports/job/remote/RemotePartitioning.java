package org.disclosurereports.job.remote;

import org.disclosurereports.job.LoadTurnListener;
import org.disclosurereports.job.PipelineStep;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.messaging.MessageChannel;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The report step on other processes: Spring Batch remote partitioning, the requests sent through Spring
 * Integration over RabbitMQ ({@code spring.rabbitmq.*}), the results read from the shared job repository.
 * The application plays one role, {@value #ROLE} = {@value #MANAGER} ({@code run --workers N}) or
 * {@value #WORKER} (the {@code worker} command); without it nothing here exists and the report step
 * builds its partitions in this process. Settings ({@code disclosure.workers.*}): {@code queue} (default
 * {@value #DEFAULT_QUEUE}), {@code count} (the workers a manager plans for: four partitions each, unless
 * {@code disclosure.build.partitions} says), {@code stall-seconds} (how long a partition may go without
 * a commit before its worker counts as gone; default 120) and {@code poll-millis} (how often the manager
 * reads the partitions' progress and an idle worker asks for a request; default 1000).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(RemotePartitioning.ROLE)
@EnableIntegration
public class RemotePartitioning {

    public static final String ROLE = "disclosure.workers.role";
    public static final String MANAGER = "manager";
    public static final String WORKER = "worker";
    public static final String COUNT = "disclosure.workers.count";
    static final String DEFAULT_QUEUE = "disclosure.build-reports";
    static final int PARTITIONS_PER_WORKER = 4;

    /** Durable: requests sent while no worker is up wait for one, across a broker restart. */
    @Bean
    Queue reportPartitionQueue(@Value("${disclosure.workers.queue:" + DEFAULT_QUEUE + "}") String queue) {
        return new Queue(queue, true);
    }

    /** Where the requests go, in messages: the broker's address and the queue. */
    public static String destination(ConnectionFactory broker, Queue queue) {
        return "queue " + queue.getName() + " at " + broker.getHost() + ":" + broker.getPort();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = ROLE, havingValue = MANAGER)
    static class Manager {

        @Bean
        MessageChannel reportPartitionRequests() {
            return new DirectChannel();
        }

        @Bean
        IntegrationFlow reportPartitionRequestsToBroker(@Qualifier("reportPartitionRequests") MessageChannel requests,
                                                        AmqpTemplate broker, Queue reportPartitionQueue) {
            return IntegrationFlow.from(requests)
                    .handle(Amqp.outboundAdapter(broker).routingKey(reportPartitionQueue.getName()))
                    .get();
        }

        /** The report step's partition handler (the job takes it when it exists). */
        @Bean
        PartitionHandler remoteReportPartitions(@Qualifier("reportPartitionRequests") MessageChannel requests,
                                                ConnectionFactory broker, Queue reportPartitionQueue, JobRepository repository,
                                                LoadTurnListener loadTurn,
                                                @Value("${" + COUNT + ":1}") int workers,
                                                @Value("${disclosure.build.partitions:0}") int partitions,
                                                @Value("${disclosure.workers.stall-seconds:120}") long stallSeconds,
                                                @Value("${disclosure.workers.poll-millis:1000}") long pollMillis) {
            return new RemotePartitions(PipelineStep.BUILD_REPORTS_PARTITION.stepName(),
                    partitions > 0 ? partitions : PARTITIONS_PER_WORKER * Math.max(1, workers), requests,
                    destination(broker, reportPartitionQueue), repository, loadTurn, Duration.ofMillis(pollMillis),
                    Duration.ofSeconds(stallSeconds), Clock.systemDefaultZone());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = ROLE, havingValue = WORKER)
    static class Worker {

        @Bean
        PartitionWorker partitionWorker(JobRepository repository, @Qualifier("buildReportsPartition") Step partitionStep) {
            return new PartitionWorker(repository, partitionStep);
        }

        /**
         * Polled, one message at a time: a busy worker holds no request another could take. Only the
         * request type is deserialized from the broker's messages.
         */
        @Bean
        IntegrationFlow reportPartitionRequestsFromBroker(ConnectionFactory broker, Queue reportPartitionQueue,
                                                          PartitionWorker worker,
                                                          @Value("${disclosure.workers.poll-millis:1000}") long pollMillis) {
            SimpleMessageConverter requests = new SimpleMessageConverter();
            requests.setAllowedListPatterns(List.of(StepExecutionRequest.class.getName(), "java.lang.*"));
            return IntegrationFlow.from(Amqp.inboundPolledAdapter(broker, reportPartitionQueue.getName()).messageConverter(requests),
                            e -> e.poller(Pollers.fixedDelay(Duration.ofMillis(pollMillis)).maxMessagesPerPoll(1)
                                    .errorHandler(worker::pollFailed)))
                    .handle(worker::handle)
                    .get();
        }

        /** Told to stop, a worker stops its partition at the next commit and waits for that, up to a minute. */
        @Bean
        ApplicationListener<ContextClosedEvent> partitionWorkerStop(PartitionWorker worker) {
            return event -> worker.stop(60);
        }
    }
}
