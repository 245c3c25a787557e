package io.ratelink.score.store;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.ratelink.score.store.ScoreItem.*;

/** Recompute plans in the scores table, saved in chunks under their sequence number and the run that wrote them. */
public class PlanChunks {

    private final ScoreTable scores;

    PlanChunks(ScoreTable scores) {
        this.scores = scores;
    }

    /** Saves a plan, not yet committed, under its sequence number and the run that wrote it. */
    public void save(long sequence, String holder, List<byte[]> chunks) {
        List<WriteRequest> writes = new ArrayList<>();
        for (int chunk = 0; chunk < chunks.size(); chunk++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(planChunkItem(sequence, holder, chunk, chunks.get(chunk))).build()).build());
        }
        scores.batchWrite(ScoreOperation.SAVE_PLAN, writes, "saving plan " + sequence);
    }

    public List<byte[]> load(long sequence, String holder, int chunks) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int chunk = 0; chunk < chunks; chunk++) {
            keys.add(planChunkKey(sequence, holder, chunk));
        }
        Map<String, byte[]> bodies = new HashMap<>();
        scores.batchGet(ScoreOperation.LOAD_PLAN, keys, true, item -> bodies.put(item.get(SK).s(), planChunkBody(item)));
        List<byte[]> ordered = new ArrayList<>();
        for (Map<String, AttributeValue> key : keys) {
            byte[] body = bodies.get(key.get(SK).s());
            if (body == null) {
                throw new IllegalStateException("plan " + sequence + " is committed but its item "
                        + key.get(SK).s() + " is missing");
            }
            ordered.add(body);
        }
        return ordered;
    }

    public void delete(long sequence, String holder, int chunks) {
        List<WriteRequest> deletes = new ArrayList<>();
        for (int chunk = 0; chunk < chunks; chunk++) {
            deletes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                    .key(planChunkKey(sequence, holder, chunk)).build()).build());
        }
        scores.batchWrite(ScoreOperation.DELETE_PLAN, deletes, "deleting plan " + sequence);
    }
}
