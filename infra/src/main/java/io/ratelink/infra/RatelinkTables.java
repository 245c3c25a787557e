package io.ratelink.infra;

import io.ratelink.storage.TableSpec;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One DynamoDB table per {@link TableSpec}, built from the spec alone: adding a spec to
 * {@code io.ratelink.storage.Tables.ALL} adds the table, its name in every function's environment, and whatever
 * grants the stack attaches to that spec's name.
 */
public final class RatelinkTables extends Construct {

    /** Quarkus maps {@code RATELINK_TABLES_RATINGS} to {@code ratelink.tables.ratings}. */
    public static final String TABLE_NAME_ENV_PREFIX = "RATELINK_TABLES_";

    private final Map<String, TableSpec> specs = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();

    public RatelinkTables(Construct scope, String id, List<TableSpec> tableSpecs, boolean keepData) {
        super(scope, id);
        for (TableSpec spec : tableSpecs) {
            specs.put(spec.name(), spec);
            tables.put(spec.name(), table(spec, keepData));
        }
    }

    public Table table(TableSpec spec) {
        return require(spec.name());
    }

    public Optional<Table> find(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** {@code RATELINK_TABLES_<NAME>} to the physical table name, for every table. */
    public Map<String, String> nameEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        tables.forEach((name, table) -> environment.put(environmentKey(name), table.getTableName()));
        return environment;
    }

    public static String environmentKey(String tableName) {
        return TABLE_NAME_ENV_PREFIX + tableName.toUpperCase(Locale.ROOT);
    }

    /** Grants each table of the plan its actions, in the order of the specs; every table named must exist. */
    public void grant(IRole role, Map<String, TableAccess.TableGrant> plan) {
        plan.keySet().forEach(this::require);
        tables.keySet().stream().filter(plan::containsKey).forEach(name -> grant(role, name, plan.get(name)));
    }

    /**
     * Grants exactly these actions on the named table, and on each index named its own actions; an index the table's
     * spec does not have fails.
     */
    public void grant(IRole role, String tableName, TableAccess.TableGrant grant) {
        Table table = require(tableName);
        if (!grant.onTable().isEmpty()) {
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(iamActions(grant.onTable()))
                    .resources(List.of(table.getTableArn()))
                    .build());
        }
        List<String> indexes = specs.get(tableName).indexes().stream().map(TableSpec.IndexSpec::name).toList();
        grant.onIndexes().keySet().stream().sorted().forEach(index -> {
            if (!indexes.contains(index)) {
                throw new IllegalArgumentException("Table '" + tableName + "' has no index '" + index + "'");
            }
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(iamActions(grant.onIndexes().get(index)))
                    .resources(List.of(table.getTableArn() + "/index/" + index))
                    .build());
        });
    }

    private static List<String> iamActions(Collection<TableAction> actions) {
        return actions.stream().sorted().map(TableAction::iamAction).toList();
    }

    private Table require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("No table '" + name + "' in this stack"));
    }

    private Table table(TableSpec spec, boolean keepData) {
        Table.Builder table = Table.Builder.create(this, spec.name())
                .partitionKey(attribute(spec.partitionKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .deletionProtection(keepData)
                .removalPolicy(keepData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);
        spec.sortKey().ifPresent(key -> table.sortKey(attribute(key)));
        spec.ttlAttribute().ifPresent(table::timeToLiveAttribute);
        if (spec.streamsOldAndNewImages()) {
            table.stream(StreamViewType.NEW_AND_OLD_IMAGES);
        }
        Table built = table.build();
        for (TableSpec.IndexSpec index : spec.indexes()) {
            built.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(attribute(index.partitionKey()))
                    .sortKey(attribute(index.sortKey()))
                    .projectionType(ProjectionType.ALL)
                    .build());
        }
        return built;
    }

    private static Attribute attribute(TableSpec.Key key) {
        return Attribute.builder()
                .name(key.attribute())
                .type(switch (key.type()) {
                    case STRING -> AttributeType.STRING;
                    case NUMBER -> AttributeType.NUMBER;
                })
                .build();
    }
}
