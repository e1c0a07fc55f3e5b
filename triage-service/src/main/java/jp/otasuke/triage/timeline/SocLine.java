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

    /**
     * Another service's reason comes as its own message key and facts ({@code because}): put in this reader's words
     * when the SOC's texts have them, else its English {@code reason} stays.
     */
    static String render(String key, Map<String, Object> facts, Locale locale) {
        Map<String, Object> words = facts;
        java.util.Optional<String> reason = facts == null ? java.util.Optional.empty() : reason(facts.get("because"), locale);
        if (reason.isPresent()) {
            words = new java.util.LinkedHashMap<>(facts);
            words.put("reason", reason.get());
        }
        return new Sentence(key, words).render(TEXTS, locale);
    }

    /** Another service's reason ({@code {key, facts}}, as its events carry it) in the SOC's words, if they have it. */
    public static java.util.Optional<String> reason(Object because, Locale locale) {
        if (because instanceof Map<?, ?> said && said.get("key") instanceof String key
                && java.util.ResourceBundle.getBundle(TEXTS, locale).containsKey(key)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> facts = said.get("facts") instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.of();
            return java.util.Optional.of(new Sentence(key, facts).render(TEXTS, locale));
        }
        return java.util.Optional.empty();
    }
}
