package io.ratelink.http.dev;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.delivery.Deadline;
import io.ratelink.escalate.stream.SettleChecks;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Dev mode's notify function: reads the embedded DynamoDB Local's ratings stream, keeps the records the deployment's
 * event source filter lets through, and hands them, in the event shape Lambda uses, to the same {@link SettleChecks}
 * the notify function calls. Records it reports as failed are read again, as Lambda redelivers them.
 *
 * <p>Built into dev mode and tests only, and off unless {@code ratelink.dev.stream-poller.enabled}. It reads each
 * shard from its oldest record, so a hot reload replays the stream: the escalations table makes that send nothing twice.
 */
@Singleton
@IfBuildProfile(anyOf = { "dev", "test" })
public class RatingStreamPoller {

    private static final Logger LOG = Logger.getLogger(RatingStreamPoller.class);
    private static final Duration SHARD_REFRESH = Duration.ofSeconds(5);
    private static final int BATCH_SIZE = 10;
    /** The notify function's timeout in the deployment. */
    private static final Duration LAMBDA_TIMEOUT = Duration.ofSeconds(60);

    private final DynamoDbClient dynamo;
    private final SettleChecks escalations;
    private final RatelinkConfig config;
    private final Optional<URI> endpoint;
    private final String region;
    private final String accessKeyId;
    private final String secretAccessKey;
    /** Per shard: where the next read starts; empty once a closed shard has been read to its end. */
    private final Map<String, Optional<String>> iterators = new LinkedHashMap<>();
    /** Per shard: the last record handed over, to start again right after it when an iterator goes stale. */
    private final Map<String, String> lastHandled = new LinkedHashMap<>();
    private ExecutorService loop;
    private volatile boolean running;

    public RatingStreamPoller(DynamoDbClient dynamo, SettleChecks escalations, RatelinkConfig config,
            @ConfigProperty(name = "quarkus.dynamodb.endpoint-override") Optional<URI> endpoint,
            @ConfigProperty(name = "quarkus.dynamodb.aws.region", defaultValue = "us-east-1") String region,
            @ConfigProperty(name = "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", defaultValue = "local") String accessKeyId,
            @ConfigProperty(name = "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", defaultValue = "local") String secretAccessKey) {
        this.dynamo = dynamo;
        this.escalations = escalations;
        this.config = config;
        this.endpoint = endpoint;
        this.region = region;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
    }

    /** After the tables exist (they are created by an earlier startup observer). */
    void start(@Observes @Priority(Integer.MAX_VALUE) StartupEvent startup) {
        if (!config.dev().streamPoller().enabled()) {
            return;
        }
        if (endpoint.isEmpty()) {
            LOG.warn("ratelink.dev.stream-poller.enabled is set but DynamoDB has no local endpoint; the poller stays off");
            return;
        }
        running = true;
        loop = Executors.newSingleThreadExecutor(task -> new Thread(task, "ratings-stream-poller"));
        loop.submit(this::poll);
        LOG.infof("Feeding escalations from the %s stream of %s, as the notify function is fed in AWS",
                config.tables().ratings(), endpoint.get());
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (loop != null) {
            loop.shutdownNow();
            loop.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private void poll() {
        Duration interval = config.dev().streamPoller().interval();
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint.orElseThrow())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            String streamArn = null;
            long nextShardRefresh = 0;
            while (running) {
                try {
                    if (streamArn == null) {
                        streamArn = dynamo.describeTable(request -> request.tableName(config.tables().ratings()))
                                .table().latestStreamArn();
                    }
                    if (streamArn != null && System.nanoTime() >= nextShardRefresh) {
                        discoverShards(streams, streamArn);
                        nextShardRefresh = System.nanoTime() + SHARD_REFRESH.toNanos();
                    }
                    boolean delivered = streamArn != null && readEveryShard(streams, streamArn);
                    if (!delivered) {
                        Thread.sleep(interval.toMillis());
                    }
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    LOG.warnf("Reading the ratings stream failed (%s); trying again", e.getMessage());
                    sleepQuietly(Duration.ofSeconds(1));
                }
            }
        }
    }

    private void discoverShards(DynamoDbStreamsClient streams, String streamArn) {
        List<Shard> shards = streams.describeStream(request -> request.streamArn(streamArn)).streamDescription().shards();
        for (Shard shard : shards) {
            if (!iterators.containsKey(shard.shardId())) {
                String iterator = streams.getShardIterator(request -> request.streamArn(streamArn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                iterators.put(shard.shardId(), Optional.ofNullable(iterator));
            }
        }
    }

    /** One read of every open shard; whether any shard had records (there may be more right behind them). */
    private boolean readEveryShard(DynamoDbStreamsClient streams, String streamArn) {
        boolean delivered = false;
        for (Map.Entry<String, Optional<String>> shard : iterators.entrySet()) {
            if (shard.getValue().isEmpty()) {
                continue;
            }
            GetRecordsResponse read;
            try {
                read = streams.getRecords(request -> request.shardIterator(shard.getValue().get()).limit(BATCH_SIZE));
            } catch (TrimmedDataAccessException | ExpiredIteratorException stale) {
                shard.setValue(Optional.ofNullable(iteratorAfterLastHandled(streams, streamArn, shard.getKey())));
                continue;
            }
            List<DynamodbEvent.DynamodbStreamRecord> passed = read.records().stream()
                    .map(record -> StreamRecords.toEvent(record, streamArn))
                    .filter(SettleChecks::passesEventSourceFilter)
                    .toList();
            Optional<String> next = Optional.ofNullable(read.nextShardIterator());
            delivered |= !read.records().isEmpty();
            if (!passed.isEmpty()) {
                DynamodbEvent event = new DynamodbEvent();
                event.setRecords(passed);
                StreamsEventResponse response = escalations.handle(event, Deadline.in(LAMBDA_TIMEOUT));
                if (!response.getBatchItemFailures().isEmpty()) {
                    String firstFailed = response.getBatchItemFailures().get(0).getItemIdentifier();
                    next = Optional.ofNullable(streams.getShardIterator(request -> request.streamArn(streamArn)
                            .shardId(shard.getKey()).shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                            .sequenceNumber(firstFailed)).shardIterator());
                    shard.setValue(next);
                    sleepQuietly(Duration.ofSeconds(1));
                    continue;
                }
            }
            if (!read.records().isEmpty()) {
                lastHandled.put(shard.getKey(), read.records().get(read.records().size() - 1).dynamodb().sequenceNumber());
            }
            shard.setValue(next);
        }
        return delivered;
    }

    private String iteratorAfterLastHandled(DynamoDbStreamsClient streams, String streamArn, String shardId) {
        String last = lastHandled.get(shardId);
        return streams.getShardIterator(request -> {
            request.streamArn(streamArn).shardId(shardId);
            if (last == null) {
                request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(last);
            }
        }).shardIterator();
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
