package jp.otasuke.insurance.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jp.otasuke.common.events.CostLine;
import jp.otasuke.common.events.Enums.CostType;
import jp.otasuke.common.money.Yen;
import jp.otasuke.common.text.Sentence;
import jp.otasuke.insurance.policy.Policy;

/**
 * What a policy pays for one incident's rush-out, with the reason for every yen (API.md): the covered cost
 * lines, minus the deductible, capped by the per-incident limit and by what remains of the annual aggregate
 * after the policy year's other claims.
 */
public final class Coverage {

    /** One claimed line and how much of it the policy covers, with why; {@code wording}: the line's own sentence. */
    public record Line(CostType type, String description, long claimedYen, long coveredYen, String note, Sentence wording) {

        public Line(CostType type, String description, long claimedYen, long coveredYen, String note) {
            this(type, description, claimedYen, coveredYen, note, null);
        }
    }

    /** The evaluation: the lines, the payable amount, and each step from the covered sum to it (texts/claim). */
    public record Evaluation(List<Line> lines, long claimedTotalYen, long coveredYen, long payableYen, List<Sentence> explanation) {
    }

    /** The policy terms the arithmetic needs. */
    public record Terms(Set<CostType> coveredTypes, long deductibleYen, long perIncidentLimitYen, long annualAggregateLimitYen) {

        public static Terms of(Policy policy) {
            return new Terms(policy.coveredTypes(), policy.deductibleYen, policy.perIncidentLimitYen,
                    policy.annualAggregateLimitYen);
        }
    }

    private Coverage() {
    }

    /**
     * @param alreadyCommittedYen what the same policy year's other claims have taken of the aggregate
     */
    public static Evaluation evaluate(Terms terms, List<CostLine> claimed, long alreadyCommittedYen) {
        List<Line> lines = new ArrayList<>();
        long claimedTotal = 0;
        long covered = 0;
        for (CostLine cost : claimed) {
            claimedTotal += cost.amountYen();
            boolean isCovered = terms.coveredTypes().contains(cost.type());
            lines.add(new Line(cost.type(), cost.description(), cost.amountYen(), isCovered ? cost.amountYen() : 0,
                    ClaimTexts.english(isCovered ? Sentence.of("line.covered") : Sentence.of("line.not-covered", "type", cost.type())),
                    cost.wording()));
            if (isCovered) {
                covered += cost.amountYen();
            }
        }
        List<Sentence> explanation = new ArrayList<>();
        explanation.add(Sentence.of("explanation.covered", "coveredYen", covered, "claimedYen", claimedTotal));
        Yen payable = Yen.of(covered).less(Yen.of(terms.deductibleYen()));
        explanation.add(Sentence.of("explanation.deductible", "deductibleYen", terms.deductibleYen(), "payableYen", payable.amount()));
        Yen perIncident = Yen.of(terms.perIncidentLimitYen());
        if (payable.isMoreThan(perIncident)) {
            payable = perIncident;
            explanation.add(Sentence.of("explanation.per-incident-limit", "payableYen", payable.amount()));
        }
        Yen remaining = Yen.of(terms.annualAggregateLimitYen()).less(Yen.of(alreadyCommittedYen));
        if (payable.isMoreThan(remaining)) {
            payable = remaining;
            explanation.add(Sentence.of("explanation.annual-limit", "remainingYen", remaining.amount(), "annualLimitYen",
                    terms.annualAggregateLimitYen(), "payableYen", payable.amount()));
        }
        explanation.add(Sentence.of("explanation.payable", "payableYen", payable.amount()));
        return new Evaluation(lines, claimedTotal, covered, payable.amount(), explanation);
    }
}
