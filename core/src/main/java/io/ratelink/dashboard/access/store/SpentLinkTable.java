package io.ratelink.dashboard.access.store;

import io.ratelink.dashboard.access.SpentLinks;
import io.ratelink.storage.NamedOperation;
import io.ratelink.storage.StoreUnavailable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Map;

import static io.ratelink.storage.Attributes.n;
import static io.ratelink.storage.Attributes.s;

/**
 * The spent sign-in links in the sign-ins table: one conditional {@code PutItem} per use, refused when the link id is
 * already there. Its time to live is the link's own expiry (plus a day, as DynamoDB removes expired items late and a
 * link past its expiry is refused by its signature check anyway).
 */
public class SpentLinkTable implements SpentLinks {

    static final String LINK_ID = "linkId";
    static final String SPENT_AT = "spentAt";
    static final String PURGE_AT = "purgeAt";
    /** The names its requests carry (see {@link NamedOperation}). */
    public static final String SPEND = "signins.spend";
    public static final String READ = "signins.read";

    private final DynamoDbClient dynamo;
    private final String table;
    private final java.time.Clock clock;

    public SpentLinkTable(DynamoDbClient dynamo, String table, java.time.Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean spend(String linkId, Instant expiresAt) {
        try {
            dynamo.putItem(request -> request.tableName(table)
                    .item(Map.of(LINK_ID, s(linkId),
                            SPENT_AT, n(clock.millis()),
                            PURGE_AT, n(expiresAt.plusSeconds(86_400).getEpochSecond())))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", LINK_ID))
                    .overrideConfiguration(NamedOperation.named(SPEND)));
            return true;
        } catch (ConditionalCheckFailedException spentBefore) {
            return false;
        } catch (SdkException e) {
            throw new StoreUnavailable("the sign-ins table did not take the spent link", e);
        }
    }

    @Override
    public boolean isSpent(String linkId) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                    .key(Map.of(LINK_ID, s(linkId))).consistentRead(true)
                    .overrideConfiguration(NamedOperation.named(READ))).item();
            return item != null && !item.isEmpty();
        } catch (SdkException e) {
            throw new StoreUnavailable("the sign-ins table could not be read", e);
        }
    }
}
