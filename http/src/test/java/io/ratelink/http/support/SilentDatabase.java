package io.ratelink.http.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.ratelink.local.SilentServer;

import java.util.Map;

/**
 * A database that hangs instead of refusing ({@link SilentServer}), and the DynamoDB client pointed at it. What a
 * frozen DynamoDB looks like from the function.
 */
public class SilentDatabase implements QuarkusTestResourceLifecycleManager {

    private static volatile SilentServer server;

    /** How many connections the silent database has accepted so far. */
    public static int accepted() {
        return server == null ? 0 : server.accepted();
    }

    @Override
    public Map<String, String> start() {
        server = SilentServer.start();
        return Map.of("quarkus.dynamodb.endpoint-override", server.endpoint().toString(),
                "ratelink.tables.create", "false",
                "ratelink.dev.stream-poller.enabled", "false");
    }

    @Override
    public void stop() {
        server.close();
    }
}
