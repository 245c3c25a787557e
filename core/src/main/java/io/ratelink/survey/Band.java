package io.ratelink.survey;

/** An inclusive range of points on a scale's own numbering; {@link #NONE} contains nothing. */
public record Band(int from, int to) {

    public static final Band NONE = new Band(1, 0);

    public static Band of(int from, int to) {
        return new Band(from, to);
    }

    public boolean contains(int point) {
        return point >= from && point <= to;
    }

    public boolean isEmpty() {
        return from > to;
    }
}
