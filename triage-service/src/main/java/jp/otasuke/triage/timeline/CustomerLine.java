package jp.otasuke.triage.timeline;

import java.util.Locale;
import java.util.Map;

import jp.otasuke.common.text.Languages;
import jp.otasuke.common.text.Sentence;

/**
 * A line an SME reads: a message key and its facts (times, names, yen amounts), rendered in the SME's language from
 * the {@code texts/customer} bundles when it is read, so the same entry reads in Japanese or English. The facts
 * also go to the page as fields, so it can present them itself.
 */
public record CustomerLine(String key, Map<String, Object> facts) {

    static final String TEXTS = "texts.customer";

    public static CustomerLine of(String key, Object... namesAndValues) {
        Sentence sentence = Sentence.of(key, namesAndValues);
        return new CustomerLine(sentence.key(), sentence.facts());
    }

    /** Japanese unless the request prefers English (the SME's page asks; nothing asked means Japanese). */
    public static Locale locale(String acceptLanguage) {
        return Languages.preferred(acceptLanguage, Languages.JAPANESE);
    }

    public String render(Locale locale) {
        return render(key, facts, locale);
    }

    static String render(String key, Map<String, Object> facts, Locale locale) {
        return new Sentence(key, facts).render(TEXTS, locale);
    }
}
