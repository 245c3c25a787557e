package io.ratelink.delivery;

/** What a channel said about one message it was given. */
public sealed interface SendResult {

    /** The receiving server took it: it must never be sent again. */
    record Accepted() implements SendResult {
    }

    /** Refused, or never reached the server: nothing was delivered, so it may be tried again. */
    record Refused(String reason) implements SendResult {
    }

    /** No answer in time: the server may still deliver it, so only a person may send it again. */
    record Unknown(String reason) implements SendResult {
    }
}
