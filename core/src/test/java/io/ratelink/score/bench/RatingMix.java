package io.ratelink.score.bench;

import io.ratelink.score.RatingChange;
import io.ratelink.survey.Scale;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A year of ratings shaped like a mid-sized support organisation: 10 teams of 5 agents, three scales
 * (CSAT 1–5, CES 1–7, NPS 0–10) asked in a 50/30/20 mix, answers leaning positive as they do in practice,
 * first clicks spread evenly over 365 days. The same seed gives the same ratings.
 */
final class RatingMix {

    static final int TEAMS = 10;
    static final int AGENTS = 50;
    static final int DAYS = 365;

    private static final Scale[] SCALES = {Scale.CSAT_5, Scale.CES_7, Scale.NPS};
    private static final int[] SCALE_SHARE_PERCENT = {50, 30, 20};
    /** Relative frequency of each point, lowest point first. */
    private static final int[][] POINT_WEIGHTS = {
            {6, 4, 8, 27, 55},
            {3, 3, 5, 9, 20, 30, 30},
            {3, 1, 2, 2, 3, 5, 8, 12, 18, 20, 26},
    };

    private final LocalDate lastDay;
    private final LocalDate[] days = new LocalDate[DAYS];
    private final String[] teamIds = new String[TEAMS];
    private final String[] agentIds = new String[AGENTS];

    RatingMix(LocalDate lastDay) {
        this.lastDay = lastDay;
        for (int i = 0; i < DAYS; i++) {
            days[i] = lastDay.minusDays(i);
        }
        for (int i = 0; i < TEAMS; i++) {
            teamIds[i] = "team-" + i;
        }
        for (int i = 0; i < AGENTS; i++) {
            agentIds[i] = "agent-" + i;
        }
    }

    LocalDate lastDay() {
        return lastDay;
    }

    /** {@code count} ratings counted for the first time, as a full rebuild reads them. */
    List<RatingChange> firstCounts(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<RatingChange> ratings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ratings.add(newRating(random, "survey-" + i));
        }
        return ratings;
    }

    /**
     * {@code count} changes on top of {@code counted}, at most one per survey as a recompute run sees
     * them: 70 % customers changing their mind, 10 % ratings held as suspect, 20 % new first clicks. Each
     * names the score counted before it.
     */
    List<RatingChange> changes(List<RatingChange> counted, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Integer> changedRatings = new HashSet<>();
        List<RatingChange> changes = new ArrayList<>(count);
        while (changes.size() < count) {
            int kind = random.nextInt(10);
            if (kind >= 8) {
                changes.add(newRating(random, "survey-" + (counted.size() + changes.size())));
                continue;
            }
            int index = random.nextInt(counted.size());
            if (!changedRatings.add(index)) {
                continue;
            }
            RatingChange rating = counted.get(index);
            Integer toCount = kind < 7 ? randomScore(random, rating.scale()) : null;
            changes.add(new RatingChange(rating.surveyId(), rating.scale(), rating.teamId(), rating.agentId(),
                    rating.day(), rating.toCount(), toCount));
        }
        return changes;
    }

    private RatingChange newRating(SplittableRandom random, String surveyId) {
        int agent = random.nextInt(AGENTS);
        Scale scale = SCALES[pick(random, SCALE_SHARE_PERCENT)];
        return RatingChange.firstCount(surveyId, scale, teamIds[agent % TEAMS], agentIds[agent],
                days[random.nextInt(DAYS)], randomScore(random, scale));
    }

    private static int randomScore(SplittableRandom random, Scale scale) {
        return scale.min() + pick(random, POINT_WEIGHTS[scaleIndex(scale)]);
    }

    private static int scaleIndex(Scale scale) {
        for (int i = 0; i < SCALES.length; i++) {
            if (SCALES[i] == scale) {
                return i;
            }
        }
        throw new IllegalArgumentException(scale + " is not in the mix");
    }

    private static int pick(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
