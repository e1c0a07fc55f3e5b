package jp.otasuke.triage.timeline;

import java.util.Locale;
import java.util.Map;

import jp.otasuke.common.text.Languages;
import jp.otasuke.common.text.Sentence;

/**
 * A line the SOC reads: a message key and its facts, rendered from the {@code texts/soc} bundles when it is read, so
 * an operator reads the story in the console's language, with times in Asia/Tokyo, codes in words and incidents by
 * their titles (their ids go to the page as facts, for a link).
 */
public record SocLine(String key, Map<String, Object> facts) {

    static final String TEXTS = "texts.soc";

    public static SocLine of(String key, Object... namesAndValues) {
        Sentence sentence = Sentence.of(key, namesAndValues);
        return new SocLine(sentence.key(), sentence.facts());
    }

    /** English unless the request prefers Japanese: the console asks for its language, tools that ask nothing get English. */
    public static Locale locale(String acceptLanguage) {
        return Languages.preferred(acceptLanguage, Languages.ENGLISH);
    }

    public String render(Locale locale) {
        return render(key, facts, locale);
    }

    static String render(String key, Map<String, Object> facts, Locale locale) {
        return new Sentence(key, facts).render(TEXTS, locale);
    }
}
