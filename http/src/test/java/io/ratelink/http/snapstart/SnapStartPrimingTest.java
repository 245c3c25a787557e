package io.ratelink.http.snapstart;

import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.click.snapstart.Priming;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.http.support.ApplicationTraffic;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class SnapStartPrimingTest {

    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems", "CreateTable", "UpdateTable", "DeleteTable");

    @Inject
    SnapStartPriming priming;

    @Inject
    RatelinkConfig config;

    @Test
    void primingReadsARatingTheSignInPageAndTheAdminApiAsExpectedAndWritesNothing() {
        ApplicationTraffic.clear();

        Priming.Report report = priming.prime();

        assertThat(report.unexpected()).isEmpty();
        assertThat(report.requests()).as("a rating read, the sign-in page, an admin read").isEqualTo(3);
        assertThat(ApplicationTraffic.operationsOn(config.tables().ratings())).contains("GetItem", "Query");
        for (String table : List.of(config.tables().ratings(), config.tables().agents(), config.tables().scores(),
                config.tables().escalations(), config.tables().signins())) {
            assertThat(ApplicationTraffic.operationsOn(table)).as(table).doesNotContainAnyElementsOf(WRITES);
        }
    }
}
