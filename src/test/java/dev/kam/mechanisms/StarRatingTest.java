package dev.kam.mechanisms;

import dev.kam.domain.MechanismParams.Stars;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Star rating rules (星级评定) at the documented defaults. */
class StarRatingTest {
    private static final Stars D = Stars.DEFAULT;

    @Test
    void components() {
        assertEquals(2.0 / 3, StarRating.performance(1.0, 1.5), 1e-12);
        assertEquals(1.0, StarRating.performance(2.0, 1.5));
        assertEquals(0.0, StarRating.performance(Double.NaN, 1.5));
        assertEquals(0.0, StarRating.process(0, 3, 5));
        assertEquals(2.0 / 3, StarRating.process(2, 3, 5), 1e-12);
        assertEquals(1.0, StarRating.process(3, 3, 5));
        assertEquals(1.0, StarRating.process(5, 3, 5));
        assertEquals(0.5, StarRating.process(10, 3, 5));               // spread too thin
        assertEquals(1.0, StarRating.process(0, 0, 0));                // no rule
        assertEquals(1.0 / 3, StarRating.certification(1), 1e-12);
        assertEquals(1.0, StarRating.certification(7));
    }

    @Test
    void aSoldierWhoMeetsEveryStandardIsThreeStars() {
        // at quota (P = 2/3), 4 active prospects (Q = 1), certification 1 (C = 1/3): 1/3 + 0.3 + 1/15 = 0.7
        double score = StarRating.score(D, StarRating.performance(1.0, D.fullAttainment()), 1.0, 1.0 / 3);
        assertEquals(0.7, score, 1e-12);
        assertEquals(3, StarRating.stars(score, D.cuts()));
        assertEquals(5, StarRating.stars(D, D.cuts(), 1.5, 1.0, 3));   // full marks
        assertEquals(4, StarRating.stars(D, D.cuts(), 1.2, 1.0, 2));   // 0.4 + 0.3 + 0.1333 = 0.833
        assertEquals(2, StarRating.stars(D, D.cuts(), 0.8, 2.0 / 3, 0)); // 0.2667 + 0.2 = 0.467
        assertEquals(1, StarRating.stars(D, D.cuts(), 0.5, 1.0 / 3, 0)); // 0.1667 + 0.1 = 0.267
        assertEquals(StarRating.stars(D, D.cuts(), 1.0, 1.0, 1), StarRating.stars(D, D.cuts(), 1.0, Double.NaN, 1));
    }

    @Test
    void aScoreOnACutEarnsTheStar() {
        assertEquals(3, StarRating.stars(0.6, D.cuts()));
        assertEquals(2, StarRating.stars(0.5999999, D.cuts()));
        assertEquals(5, StarRating.stars(0.9, D.cuts()));
        assertEquals(1, StarRating.stars(0.0, D.cuts()));
    }

    @Test
    void eligibilityAndElimination() {
        assertTrue(StarRating.leadContinues(3, 3, false));
        assertFalse(StarRating.leadContinues(2, 3, false));
        assertTrue(StarRating.leadContinues(2, 3, true));              // a lock is a manager's decision
        int low = StarRating.lowYears(0, 1, D);
        assertEquals(1, low);
        assertFalse(StarRating.eliminated(low, D));
        low = StarRating.lowYears(low, 1, D);
        assertTrue(StarRating.eliminated(low, D));                     // two years at 1★
        assertEquals(0, StarRating.lowYears(low, 2, D));
        assertFalse(StarRating.eliminated(5, new Stars(0.5, 0.3, 0.2, D.cuts(), 1.5, 1, 0)));
    }
}
