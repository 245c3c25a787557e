package io.ratelink.storage;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;

import java.util.Optional;

/**
 * A name carried by a DynamoDB request, saying which step of ratelink made it (e.g. {@code escalations.mark-sent}):
 * what logs and the tests' fault injection go by, instead of the request's expression text.
 */
public final class NamedOperation {

    public static final ExecutionAttribute<String> NAME = new ExecutionAttribute<>("ratelink.operation");

    private NamedOperation() {
    }

    /** The override that names a request; pass it to the request builder's {@code overrideConfiguration}. */
    public static AwsRequestOverrideConfiguration named(String name) {
        return AwsRequestOverrideConfiguration.builder().putExecutionAttribute(NAME, name).build();
    }

    /** The name a request carries, if it carries one. */
    public static Optional<String> of(ExecutionAttributes attributes) {
        return Optional.ofNullable(attributes.getAttribute(NAME));
    }
}
