package dev.kam.assign;

import dev.kam.domain.Account;
import dev.kam.domain.AssignmentParams;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per constraint, each with a penalized and an unpenalized case, on the tiny instance. */
class AssignmentConstraintsTest {
    private static final ConstraintVerifier<AssignmentConstraints, AssignmentSolution> VERIFIER =
            ConstraintVerifier.build(new AssignmentConstraints(), AssignmentSolution.class,
                    AccountAssignment.class, ProductOffer.class)
                    .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);

    // tiny: accounts A1..A5 = 0..4 (A1 4A, A2 3A, A3 2A, A4 3A, A5 2A); soldiers S1 = 0, S2 = 1;
    // efforts light 0.5, standard 1.0, intensive 1.5; A1 and A2 need 100 h at standard; S1 has 260 h
    private static final int STD = 1;
    private static final int INTENSIVE = 2;

    private static AssignmentSolution tiny() {
        return AssignmentSolution.of(Instances.tiny().table());
    }

    /** The tiny instance with a cap of one account per soldier and one product per account. */
    private static AssignmentSolution capped() {
        Instances.Instance t = Instances.tiny();
        AssignmentParams d = t.scenario().assignment();
        AssignmentParams p = new AssignmentParams(d.timeLimit(), null, 1, d.effortLevels(), d.effortNames(), 1,
                d.ratingPriority(), d.switchingCost(), d.minStars(), d.minCertification(), d.requireRegion(),
                d.layerMinRating(), d.layerMaxRating(), d.baseHours(), 1, d.searchShare());
        return AssignmentSolution.of(Coefficients.of(t.scenario().withAssignment(p), t.analysis()));
    }

    private static AccountAssignment lead(AssignmentSolution s, int account, int soldier, int effort) {
        AccountAssignment a = s.getAccounts().get(account);
        a.setLead(soldier < 0 ? null : s.getSoldiers().get(soldier));
        a.setEffort(effort);
        return a;
    }

    private static ProductOffer offer(AssignmentSolution s, String accountId, String productId) {
        for (ProductOffer o : s.getOffers()) {
            if (o.getAccount().getAccountId().equals(accountId) && o.getProduct().id().equals(productId)) {
                o.setOffered(true);
                return o;
            }
        }
        throw new AssertionError("no pair " + accountId + "/" + productId);
    }

    private static Object[] all(AssignmentSolution s, Object... extra) {
        List<Object> out = new ArrayList<>(s.getAccounts());
        for (Object e : extra) if (!out.contains(e)) out.add(e);
        return out.toArray();
    }

    @Test
    void soldierOverCapacity() {
        AssignmentSolution s = tiny();
        lead(s, 0, 0, INTENSIVE);
        lead(s, 1, 0, INTENSIVE);
        // 150 h + 150 h on S1's 260 h: 40 h over, in centihours
        VERIFIER.verifyThat(AssignmentConstraints::soldierOverCapacity).given(all(s)).penalizesBy(4_000L);
        lead(s, 1, 0, STD);
        VERIFIER.verifyThat(AssignmentConstraints::soldierOverCapacity).given(all(s)).penalizesBy(0L);
    }

    @Test
    void soldierNotEligible() {
        AssignmentSolution s = tiny();
        lead(s, 0, 1, STD); // S2 (2 stars, certification 0) may not lead the 4A account A1
        VERIFIER.verifyThat(AssignmentConstraints::soldierNotEligible).given(all(s)).penalizesBy(1L);
        lead(s, 0, 0, STD);
        VERIFIER.verifyThat(AssignmentConstraints::soldierNotEligible).given(all(s)).penalizesBy(0L);
    }

    @Test
    void soldierLeadsTooManyAccounts() {
        AssignmentSolution s = capped();
        lead(s, 0, 0, 0);
        lead(s, 1, 0, 0);
        VERIFIER.verifyThat(AssignmentConstraints::soldierLeadsTooManyAccounts).given(all(s)).penalizesBy(1L);
        lead(s, 1, -1, 0);
        VERIFIER.verifyThat(AssignmentConstraints::soldierLeadsTooManyAccounts).given(all(s)).penalizesBy(0L);
    }

    @Test
    void productOverCapacity() {
        AssignmentSolution s = tiny();
        lead(s, 0, 0, STD);
        lead(s, 1, 0, STD);
        ProductOffer o1 = offer(s, "A1", "P1");
        ProductOffer o2 = offer(s, "A2", "P1"); // P1 can be delivered to one account
        VERIFIER.verifyThat(AssignmentConstraints::productOverCapacity).given(all(s, o1, o2)).penalizesBy(1L);
        o2.setOffered(false);
        VERIFIER.verifyThat(AssignmentConstraints::productOverCapacity).given(all(s, o1, o2)).penalizesBy(0L);
    }

    @Test
    void productNotSuited() {
        AssignmentSolution s = tiny();
        AccountAssignment a3 = lead(s, 2, 1, STD);
        // P1 needs erp and 3A; A3 is a 2A cloud account, so no entity exists for the pair: build one
        ProductOffer bad = new ProductOffer(999, a3, s.getProducts().get(0), false, 0);
        bad.setOffered(true);
        VERIFIER.verifyThat(AssignmentConstraints::productNotSuited).given(all(s, bad)).penalizesBy(1L);
        ProductOffer good = offer(s, "A3", "P2");
        VERIFIER.verifyThat(AssignmentConstraints::productNotSuited).given(all(s, good)).penalizesBy(0L);
        assertTrue(s.getOffers().stream().noneMatch(o -> o.getAccount() == a3 && o.getProduct().id().equals("P1")));
    }

    @Test
    void productToUncoveredAccount() {
        AssignmentSolution s = tiny();
        lead(s, 1, -1, STD);
        ProductOffer o = offer(s, "A2", "P2");
        VERIFIER.verifyThat(AssignmentConstraints::productToUncoveredAccount).given(all(s, o)).penalizesBy(1L);
        lead(s, 1, 0, STD);
        VERIFIER.verifyThat(AssignmentConstraints::productToUncoveredAccount).given(all(s, o)).penalizesBy(0L);
    }

    @Test
    void tooManyProductsForAccount() {
        AssignmentSolution s = capped();
        lead(s, 1, 0, STD);
        ProductOffer o1 = offer(s, "A2", "P1");
        ProductOffer o2 = offer(s, "A2", "P2"); // cap is one product per account here
        VERIFIER.verifyThat(AssignmentConstraints::tooManyProductsForAccount).given(all(s, o1, o2)).penalizesBy(1L);
        o1.setOffered(false);
        VERIFIER.verifyThat(AssignmentConstraints::tooManyProductsForAccount).given(all(s, o1, o2)).penalizesBy(0L);
    }

    @Test
    void mustCoverUncovered() {
        AssignmentSolution s = tiny();
        for (int a = 0; a < 5; a++) lead(s, a, -1, STD);
        // A1 and A5 are mustCover
        VERIFIER.verifyThat(AssignmentConstraints::mustCoverUncovered).given(all(s)).penalizesBy(2L);
        lead(s, 0, 0, STD);
        VERIFIER.verifyThat(AssignmentConstraints::mustCoverUncovered).given(all(s)).penalizesBy(1L);
    }

    @Test
    void leadUplift() {
        AssignmentSolution s = tiny();
        Coefficients t = s.table();
        for (int a = 0; a < 5; a++) lead(s, a, -1, STD);
        // impact constraints are checked through the whole score (A1 and A5 are mustCover); A1 and A2 are owned,
        // so leaving them without a lead charges their switching cost
        long drops = t.switching[0] + t.switching[1];
        assertTrue(drops > 0);
        VERIFIER.verifyThat().given(all(s)).scores(HardMediumSoftLongScore.of(0, -2, -drops));
        lead(s, 0, 0, STD);
        long v = t.optValue[t.option(0, 0, STD)];
        assertTrue(v > 0);
        VERIFIER.verifyThat().given(all(s)).scores(HardMediumSoftLongScore.of(0, -1, v - t.switching[1]));
    }

    @Test
    void ownedAccountDropped() {
        AssignmentSolution s = tiny();
        Coefficients t = s.table();
        lead(s, 0, -1, STD); // A1 is owned by S1 today
        VERIFIER.verifyThat(AssignmentConstraints::ownedAccountDropped).given(s.getAccounts().get(0)).penalizesBy(t.switching[0]);
        lead(s, 0, 0, STD);
        lead(s, 2, -1, STD); // A3 has no owner: no switching cost
        VERIFIER.verifyThat(AssignmentConstraints::ownedAccountDropped).given(s.getAccounts().get(0), s.getAccounts().get(2))
                .penalizesBy(0L);
    }

    /** The tiny instance with other assignment settings. */
    private static AssignmentSolution with(AssignmentParams p) {
        Instances.Instance t = Instances.tiny();
        return AssignmentSolution.of(Coefficients.of(t.scenario().withAssignment(p), t.analysis()));
    }

    @Test
    void tooManyMoves() {
        // A1 is owned by S1, who may lead it; A2's owner S2 may not lead a 3A account, so its move is forced
        AssignmentSolution s = with(AssignmentParams.DEFAULT.withMaxMoves(0));
        lead(s, 0, -1, STD);
        lead(s, 1, 0, STD);
        VERIFIER.verifyThat(AssignmentConstraints::tooManyMoves).given(all(s)).penalizesBy(1L);
        lead(s, 0, 0, STD);
        VERIFIER.verifyThat(AssignmentConstraints::tooManyMoves).given(all(s)).penalizesBy(0L);
        assertTrue(!s.table().movable(1), "a forced move does not count");
    }

    @Test
    void soldierBelowMinimum() {
        // minUtilization 0.5: S1 needs 130 h of 260 h; S2 would need 100 h of 200 h, but may lead only A3
        // (at most 75 h), so its minimum is lowered to 75 h with a warning
        AssignmentSolution s = with(AssignmentParams.DEFAULT.withBand(0.10, 0.5));
        assertTrue(s.table().warnings.stream().anyMatch(w -> w.key().equals("assign.warn.bandUnreachable")));
        lead(s, 0, 0, 0); // 50 h on S1: 80 h short
        lead(s, 2, 1, STD); // 50 h on S2: 25 h short
        VERIFIER.verifyThat(AssignmentConstraints::soldierBelowMinimum).given(all(s)).penalizesBy(10_500L);
        lead(s, 0, 0, INTENSIVE);
        lead(s, 2, 1, INTENSIVE);
        VERIFIER.verifyThat(AssignmentConstraints::soldierBelowMinimum).given(all(s)).penalizesBy(0L);
    }

    @Test
    void idleSoldierBelowMinimum() {
        AssignmentSolution s = with(AssignmentParams.DEFAULT.withBand(0.10, 0.5));
        for (int a = 0; a < 5; a++) lead(s, a, -1, STD);
        lead(s, 0, 0, INTENSIVE); // S1 works, S2 leads nothing: its whole (lowered) 75 h minimum is short
        VERIFIER.verifyThat(AssignmentConstraints::idleSoldierBelowMinimum).given(all(s, s.getSoldiers().toArray()))
                .penalizesBy(7_500L);
        lead(s, 2, 1, STD);
        VERIFIER.verifyThat(AssignmentConstraints::idleSoldierBelowMinimum).given(all(s, s.getSoldiers().toArray()))
                .penalizesBy(0L);
    }

    @Test
    void leadUpliftChargesTheSwitchingCost() {
        Instances.Instance inst = Instances.tiny();
        Coefficients t = inst.table();
        Account a2 = inst.scenario().accounts().get(1); // owned by S2 today, 3A: only S1 is eligible
        long kept = Coefficients.scaled(1.0 * inst.scenario().assignment().ratingPriority()[2]
                * new dev.kam.domain.ResponseModel(inst.scenario().simulation()).coverUplift(a2, 1.0,
                t.optFit[t.option(1, 0, STD)]));
        long switching = Coefficients.scaled(0.10 * a2.grossProfit());
        // value = round(priority × uplift) − round(switching cost), uplift with S1's fit at standard effort
        org.junit.jupiter.api.Assertions.assertEquals(kept - switching, t.optValue[t.option(1, 0, STD)]);
    }

    @Test
    void productUplift() {
        AssignmentSolution s = tiny();
        lead(s, 1, 0, STD);
        long leadValue = s.table().optValue[s.table().option(1, 0, STD)];
        ProductOffer o = offer(s, "A2", "P2");
        int opt = s.table().option(1, 0, STD);
        assertTrue(o.valueFor(opt) > 0);
        long drop = s.table().switching[0]; // A1, owned by S1, is left without a lead here
        VERIFIER.verifyThat().given(all(s, o)).scores(HardMediumSoftLongScore.of(0, -2, leadValue + o.valueFor(opt) - drop));
        o.setOffered(false);
        VERIFIER.verifyThat().given(all(s, o)).scores(HardMediumSoftLongScore.of(0, -2, leadValue - drop));
    }

    @Test
    void aProspectsOfferIsWorthWhatItsLeadConverts() {
        // A4 is a prospect: P1 is adopted only once it converts, and conversion grows with effort and fit
        AssignmentSolution s = tiny();
        Coefficients t = s.table();
        int q = t.pair(3, 0);
        assertTrue(t.pairOptBase[q] >= 0, "a prospect's offer depends on its lead");
        assertTrue(t.pairValue(q, t.option(3, 0, INTENSIVE)) > t.pairValue(q, t.option(3, 0, 0)));
        lead(s, 3, 0, 0);
        ProductOffer o = offer(s, "A4", "P1");
        VERIFIER.verifyThat(AssignmentConstraints::productUplift).given(all(s, o)).rewardsWith(t.pairValue(q, t.option(3, 0, 0)));
        lead(s, 3, 0, INTENSIVE);
        VERIFIER.verifyThat(AssignmentConstraints::productUplift).given(all(s, o)).rewardsWith(t.pairValue(q, t.option(3, 0, INTENSIVE)));
    }
}
