package io.ratelink.storage.wiring;

import io.quarkus.runtime.StartupEvent;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.storage.TableCreator;
import io.ratelink.storage.TableSpec;
import io.ratelink.storage.Tables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.util.Map;

/** Wires the stores to the DynamoDB client and, where configured, creates the tables at startup. */
@ApplicationScoped
public class StorageBeans {

    private static final Logger LOG = Logger.getLogger(StorageBeans.class);

    /**
     * The extension's client (endpoint, credentials, HTTP client and the {@code quarkus.dynamodb.api-call-*}
     * timeouts from configuration) with the number of tries fixed by {@code ratelink.dynamodb.max-attempts}, in
     * every profile: the SDK's own default for DynamoDB, and {@code AWS_MAX_ATTEMPTS}, would otherwise decide it.
     */
    @Produces
    @ApplicationScoped
    DynamoDbClient dynamoDbClient(DynamoDbClientBuilder builder, RatelinkConfig config) {
        builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(config.dynamodb().maxAttempts())
                        .build())
                .build());
        return builder.build();
    }

    void closeDynamoDbClient(@Disposes DynamoDbClient client) {
        client.close();
    }

    @Produces
    @ApplicationScoped
    RatingStore ratingStore(DynamoDbClient dynamo, RatelinkConfig config) {
        return new RatingStore(dynamo, config.tables().ratings(), config.tables().retention());
    }

    /** The physical name of each table, by its logical name. */
    public static Map<String, String> physicalNames(RatelinkConfig.Tables tables) {
        return Map.of(Tables.RATINGS.name(), tables.ratings(),
                Tables.AGENTS.name(), tables.agents(),
                Tables.SCORES.name(), tables.scores(),
                Tables.ESCALATIONS.name(), tables.escalations(),
                Tables.SIGNINS.name(), tables.signins());
    }

    void createTables(@Observes StartupEvent startup, DynamoDbClient dynamo, RatelinkConfig config) {
        if (!config.tables().create()) {
            return;
        }
        TableCreator creator = new TableCreator(dynamo);
        Map<String, String> names = physicalNames(config.tables());
        for (TableSpec spec : Tables.ALL) {
            if (creator.createIfMissing(spec, names.get(spec.name()))) {
                LOG.infof("Created table %s", names.get(spec.name()));
            }
        }
    }
}
