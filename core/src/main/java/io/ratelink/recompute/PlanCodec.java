package io.ratelink.recompute;

import io.ratelink.rating.CountedScoreUpdate;
import io.ratelink.score.DayKey;
import io.ratelink.score.Dimension;
import io.ratelink.score.Histogram;
import io.ratelink.score.Series;
import io.ratelink.score.Window;
import io.ratelink.survey.Scale;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A {@link RecomputePlan} as bytes to store: a compact binary form, gzipped, cut into chunks that each fit in
 * one DynamoDB item (at most 400 KB). A plan of 1,000 changes takes one chunk.
 */
final class PlanCodec {

    /** Leaves room in a 400 KB item for its keys. */
    static final int CHUNK_BYTES = 350 * 1024;
    private static final int FORMAT = 1;

    private PlanCodec() {
    }

    static List<byte[]> encode(RecomputePlan plan) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeLong(plan.sequence());
            out.writeUTF(plan.mode().name());
            out.writeUTF(plan.asOf().toString());
            out.writeLong(plan.watermark().toEpochMilli());
            out.writeInt(plan.marks().size());
            for (CountedScoreUpdate mark : plan.marks()) {
                out.writeUTF(mark.surveyId());
                out.writeLong(mark.version());
                writeScore(out, mark.previouslyCounted());
                writeScore(out, mark.counted());
                out.writeBoolean(mark.recount());
            }
            out.writeInt(plan.days().size());
            for (Map.Entry<DayKey, Histogram> day : plan.days().entrySet()) {
                writeSeries(out, day.getKey().series());
                out.writeUTF(day.getKey().day().toString());
                writeCounts(out, day.getValue());
            }
            out.writeInt(plan.windows().size());
            for (Map.Entry<Series, Map<Window, Histogram>> series : plan.windows().entrySet()) {
                writeSeries(out, series.getKey());
                out.writeInt(series.getValue().size());
                for (Map.Entry<Window, Histogram> window : series.getValue().entrySet()) {
                    out.writeUTF(window.getKey().name());
                    writeCounts(out, window.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] all = bytes.toByteArray();
        List<byte[]> chunks = new ArrayList<>();
        for (int from = 0; from < all.length; from += CHUNK_BYTES) {
            chunks.add(Arrays.copyOfRange(all, from, Math.min(all.length, from + CHUNK_BYTES)));
        }
        return chunks;
    }

    static RecomputePlan decode(List<byte[]> chunks) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        chunks.forEach(joined::writeBytes);
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(joined.toByteArray())))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException("a recompute plan in format " + format + ", this version reads " + FORMAT);
            }
            long sequence = in.readLong();
            RecomputeMode mode = RecomputeMode.valueOf(in.readUTF());
            LocalDate asOf = LocalDate.parse(in.readUTF());
            Instant watermark = Instant.ofEpochMilli(in.readLong());
            int markCount = in.readInt();
            List<CountedScoreUpdate> marks = new ArrayList<>(markCount);
            for (int i = 0; i < markCount; i++) {
                marks.add(new CountedScoreUpdate(in.readUTF(), in.readLong(), readScore(in), readScore(in), in.readBoolean()));
            }
            int dayCount = in.readInt();
            Map<DayKey, Histogram> days = new HashMap<>();
            for (int i = 0; i < dayCount; i++) {
                Series series = readSeries(in);
                DayKey key = series.on(LocalDate.parse(in.readUTF()));
                days.put(key, readCounts(in, series.scale()));
            }
            int seriesCount = in.readInt();
            Map<Series, Map<Window, Histogram>> windows = new HashMap<>();
            for (int i = 0; i < seriesCount; i++) {
                Series series = readSeries(in);
                int windowCount = in.readInt();
                Map<Window, Histogram> ofSeries = new EnumMap<>(Window.class);
                for (int w = 0; w < windowCount; w++) {
                    ofSeries.put(Window.valueOf(in.readUTF()), readCounts(in, series.scale()));
                }
                windows.put(series, ofSeries);
            }
            return new RecomputePlan(sequence, mode, asOf, watermark, marks, days, windows);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored recompute plan cannot be read", e);
        }
    }

    private static void writeScore(DataOutputStream out, Integer score) throws IOException {
        out.writeBoolean(score != null);
        if (score != null) {
            out.writeInt(score);
        }
    }

    private static Integer readScore(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    private static void writeSeries(DataOutputStream out, Series series) throws IOException {
        out.writeUTF(series.dimension().format());
        out.writeUTF(series.scale().name());
    }

    private static Series readSeries(DataInputStream in) throws IOException {
        String dimension = in.readUTF();
        return new Series(Dimension.parse(dimension)
                .orElseThrow(() -> new IllegalStateException("not a dimension: " + dimension)),
                Scale.valueOf(in.readUTF()));
    }

    private static void writeCounts(DataOutputStream out, Histogram histogram) throws IOException {
        for (long count : histogram.counts()) {
            out.writeLong(count);
        }
    }

    private static Histogram readCounts(DataInputStream in, Scale scale) throws IOException {
        long[] counts = new long[scale.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = in.readLong();
        }
        return Histogram.of(scale, counts);
    }
}
