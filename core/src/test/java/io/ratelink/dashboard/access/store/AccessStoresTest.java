package io.ratelink.dashboard.access.store;

import io.ratelink.escalate.Agent;
import io.ratelink.escalate.store.ManagerDirectory;
import io.ratelink.storage.Tables;
import io.ratelink.testing.LocalDynamo;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-ins table and the agents table's index by manager, on DynamoDB Local. */
class AccessStoresTest {

    private final DynamoDbClient dynamo = LocalDynamo.client();

    @Test
    void aLinkIsSpentOnceByOneConditionalWrite() {
        SpentLinkTable spent = new SpentLinkTable(dynamo, LocalDynamo.freshTable(dynamo, Tables.SIGNINS), Clock.systemUTC());
        Instant expires = Instant.now().plusSeconds(900);

        assertThat(spent.isSpent("link-1")).isFalse();
        assertThat(spent.spend("link-1", expires)).isTrue();
        assertThat(spent.spend("link-1", expires)).isFalse();
        assertThat(spent.isSpent("link-1")).isTrue();
        assertThat(spent.spend("link-2", expires)).isTrue();
    }

    @Test
    void theIndexFindsTheAgentsOfAManagerWhateverTheCaseTheAddressWasWrittenIn() {
        String agents = LocalDynamo.freshTable(dynamo, Tables.AGENTS);
        ManagerDirectory directory = new ManagerDirectory(dynamo, agents, Optional.empty(), "en", Clock.systemUTC());
        directory.save(new Agent("ana", "Ana", "ana@example.com", Optional.of("Boss@Example.com"), "en"));
        directory.save(new Agent("bo", "Bo", "bo@example.com", Optional.of("boss@example.com"), "en"));
        directory.save(new Agent("cy", "Cy", "cy@example.com", Optional.of("other@example.com"), "en"));
        directory.save(new Agent("di", "Di", "di@example.com", Optional.empty(), "en"));
        ManagerIndex index = new ManagerIndex(dynamo, agents);

        assertThat(index.reportingTo("BOSS@example.com")).containsExactly("ana", "bo");
        assertThat(index.managesAnyone("boss@example.com")).isTrue();
        assertThat(index.managesAnyone("nobody@example.com")).isFalse();
        assertThat(index.reportingTo("")).isEmpty();

        directory.save(new Agent("bo", "Bo", "bo@example.com", Optional.of("other@example.com"), "en"));
        assertThat(index.reportingTo("boss@example.com")).containsExactly("ana");
    }
}
