package dev.kam.assign;

import dev.kam.domain.Account;
import dev.kam.domain.AssignmentParams;
import dev.kam.domain.EligibilityRule;
import dev.kam.domain.Msg;
import dev.kam.domain.Soldier;

import java.util.ArrayList;
import java.util.List;

/**
 * Eligibility explanations as {@link Msg}s that name the rule which binds: for an account nobody may lead,
 * the rule whose removal alone would let some soldier lead it (SPEC §9 "explanations are true").
 */
final class Reasons {
    private Reasons() {
    }

    /** One broken rule of soldier s for an account of this rating and region, with its numbers. */
    static Msg rule(EligibilityRule r, AssignmentParams p, Soldier s, Account a, int rating) {
        return switch (r) {
            case STARS -> Msg.of("assign.rule.stars", p.minStars()[rating - 1], rating, s.stars());
            case CERTIFICATION -> Msg.of("assign.rule.certification", p.minCertification()[rating - 1], rating,
                    s.certification());
            case REGION -> Msg.of("assign.rule.region", a.region());
            case LAYER -> Msg.of("assign.rule.layer", Msg.of("assign.layer." + s.layer().code()),
                    p.layerMinRating()[s.layer().ordinal()], p.layerMaxRating()[s.layer().ordinal()], rating);
        };
    }

    /** Every rule in the mask, joined ("needs 4+ stars … and works in region north …"). */
    static Msg rules(AssignmentParams p, Soldier s, Account a, int rating, byte mask) {
        List<Msg> parts = new ArrayList<>();
        for (EligibilityRule r : EligibilityRule.values()) if ((mask & (1 << r.ordinal())) != 0) parts.add(rule(r, p, s, a, rating));
        return join(parts);
    }

    /** "x", "x and y", "x, y and z" … as nested messages. */
    static Msg join(List<Msg> parts) {
        if (parts.isEmpty()) return Msg.of("assign.join.none");
        Msg m = parts.get(parts.size() - 1);
        if (parts.size() == 1) return m;
        Msg head = parts.get(0);
        for (int i = 1; i < parts.size() - 1; i++) head = Msg.of("assign.join.comma", head, parts.get(i));
        return Msg.of("assign.join.and", head, m);
    }

    /** The rule that binds for an account no soldier may lead, with how many soldiers relaxing it would admit. */
    static Msg noEligible(AssignmentParams p, List<Soldier> soldiers, Account a, int rating, byte[] broken, int offset) {
        int[] alone = new int[EligibilityRule.values().length];
        int[] example = new int[alone.length];
        int nearest = -1;
        int nearestCount = Integer.MAX_VALUE;
        for (int s = 0; s < soldiers.size(); s++) {
            int mask = broken[offset + s] & 0xFF;
            int bits = Integer.bitCount(mask);
            if (bits == 1) {
                int r = Integer.numberOfTrailingZeros(mask);
                if (alone[r]++ == 0) example[r] = s;
            }
            if (bits > 0 && bits < nearestCount) {
                nearestCount = bits;
                nearest = s;
            }
        }
        int bestRule = -1;
        for (int r = 0; r < alone.length; r++) if (alone[r] > 0 && (bestRule < 0 || alone[r] > alone[bestRule])) bestRule = r;
        if (bestRule >= 0) {
            EligibilityRule r = EligibilityRule.values()[bestRule];
            Soldier ex = soldiers.get(example[bestRule]);
            return Msg.of("assign.uncovered.rule", rule(r, p, ex, a, rating), alone[bestRule], ex.id(), r.code());
        }
        Soldier s = soldiers.get(nearest);
        return Msg.of("assign.uncovered.rules", s.id(), rules(p, s, a, rating, broken[offset + nearest]), nearestCount);
    }
}
