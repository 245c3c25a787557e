package io.ratelink.notify;

import io.ratelink.local.FunctionZips;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged function stays within its size budget and carries no development engine. */
class FunctionZipIT {

    @Test
    void functionZipIsWithinItsBudgetAndHoldsNoDevelopmentEngine() throws Exception {
        long budget = Long.parseLong(System.getProperty("function.zip.budget"));

        assertThat(FunctionZips.problems(Path.of("target", "function.zip"), budget)).isEmpty();
    }
}
