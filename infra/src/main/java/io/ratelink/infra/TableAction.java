package io.ratelink.infra;

/** The DynamoDB data-plane actions a function may be granted on a table. */
public enum TableAction {
    GET_ITEM("dynamodb:GetItem", false),
    BATCH_GET_ITEM("dynamodb:BatchGetItem", false),
    QUERY("dynamodb:Query", true),
    SCAN("dynamodb:Scan", true),
    PUT_ITEM("dynamodb:PutItem", false),
    UPDATE_ITEM("dynamodb:UpdateItem", false),
    DELETE_ITEM("dynamodb:DeleteItem", false),
    BATCH_WRITE_ITEM("dynamodb:BatchWriteItem", false);

    private final String iamAction;
    private final boolean readsIndexes;

    TableAction(String iamAction, boolean readsIndexes) {
        this.iamAction = iamAction;
        this.readsIndexes = readsIndexes;
    }

    public String iamAction() {
        return iamAction;
    }

    /** Only Query and Scan can address a secondary index, so only they are granted on index ARNs. */
    public boolean readsIndexes() {
        return readsIndexes;
    }
}
