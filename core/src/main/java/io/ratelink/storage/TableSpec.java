package io.ratelink.storage;

import java.util.List;
import java.util.Optional;

/**
 * The shape of one DynamoDB table: keys, indexes, stream and time-to-live. The application creates its
 * tables from these on the embedded engine, and the AWS deployment defines them from the same specs.
 *
 * @param name         the logical name; the physical name comes from configuration
 * @param partitionKey the partition key
 * @param sortKey      the sort key, if the table has one
 * @param indexes      global secondary indexes (all attributes projected)
 * @param streamsOldAndNewImages whether the table has a stream with new and old images
 * @param ttlAttribute the attribute holding the epoch second after which DynamoDB deletes the item
 */
public record TableSpec(
        String name,
        Key partitionKey,
        Optional<Key> sortKey,
        List<IndexSpec> indexes,
        boolean streamsOldAndNewImages,
        Optional<String> ttlAttribute) {

    public enum KeyType { STRING, NUMBER }

    public record Key(String attribute, KeyType type) {
    }

    public record IndexSpec(String name, Key partitionKey, Key sortKey) {
    }
}
