package io.ratelink.recompute.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ratelink.recompute.RecomputeMode;

/**
 * The EventBridge event that starts a run, as EventBridge sends it; only what the handler reads. A scheduled
 * rule sends {@code "detail": {}}: an incremental run. A rule or a manual invocation with
 * {@code "detail": {"full": true}} asks for a full rebuild.
 *
 * @param id         the event's id, for the log
 * @param detailType {@code Scheduled Event} for a schedule
 * @param time       when EventBridge sent it
 * @param detail     what to do
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduledEvent(String id, @JsonProperty("detail-type") String detailType, String time, Detail detail) {

    /** @param full whether to rebuild every score from scratch */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(Boolean full) {
    }

    public RecomputeMode mode() {
        return detail != null && Boolean.TRUE.equals(detail.full()) ? RecomputeMode.FULL : RecomputeMode.INCREMENTAL;
    }
}
