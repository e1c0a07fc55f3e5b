package jp.otasuke.insurance.claim;

import java.util.List;
import java.util.Locale;

import jp.otasuke.common.text.Languages;
import jp.otasuke.common.text.Sentence;

/**
 * The words of a claim (texts/claim bundles): kept as sentences and read in the reader's language; English is
 * also stored as text, for insurers' systems and the webhooks.
 */
final class ClaimTexts {

    static final String BUNDLE = "texts.claim";

    private ClaimTexts() {
    }

    static String english(Sentence sentence) {
        return sentence.render(BUNDLE, Languages.ENGLISH);
    }

    static List<String> render(List<Sentence> sentences, Locale locale) {
        return sentences.stream().map(s -> s.render(BUNDLE, locale)).toList();
    }

    /** Why a line is or is not paid, from what the claim holds (the note stored with it is English). */
    static String lineNote(Claim claim, Coverage.Line line, Locale locale) {
        Sentence why = claim.policyId == null ? Sentence.of("line.no-policy")
                : line.coveredYen() == line.claimedYen() ? Sentence.of("line.covered")
                : Sentence.of("line.not-covered", "type", line.type());
        return why.render(BUNDLE, locale);
    }
}
