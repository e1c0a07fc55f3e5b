package jp.otasuke.triage.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line an SME reads: a message key and its facts (times, names, yen amounts), rendered in the SME's language from
 * the {@code texts/customer} bundles when it is read, so the same entry reads in Japanese or English. The facts
 * also go to the page as fields, so it can present them itself.
 */
public record CustomerLine(String key, Map<String, Object> facts) {

    public static final Locale JAPANESE = Locale.JAPANESE;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final Set<String> TIMES = Set.of("deadline", "eta", "arrivedAt");
    private static final Pattern FACT = Pattern.compile("\\{([A-Za-z]+)}");

    public static CustomerLine of(String key, Object... namesAndValues) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            facts.put((String) namesAndValues[i], value instanceof Instant t ? t.toString() : value);
        }
        return new CustomerLine(key, facts);
    }

    /** Japanese unless the request prefers English (the SME's page asks; nothing asked means Japanese). */
    public static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return JAPANESE;
        }
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
            String tag = range.getRange().toLowerCase(Locale.ROOT);
            if (tag.startsWith("ja")) {
                return JAPANESE;
            }
            if (tag.startsWith("en")) {
                return Locale.ENGLISH;
            }
        }
        return JAPANESE;
    }

    public String render(Locale locale) {
        return render(key, facts, locale);
    }

    static String render(String key, Map<String, Object> facts, Locale locale) {
        ResourceBundle texts = ResourceBundle.getBundle("texts.customer", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        Matcher fact = FACT.matcher(texts.getString(key));
        StringBuilder line = new StringBuilder();
        while (fact.find()) {
            fact.appendReplacement(line, Matcher.quoteReplacement(format(fact.group(1), facts.get(fact.group(1)), texts, locale)));
        }
        return fact.appendTail(line).toString();
    }

    private static String format(String name, Object value, ResourceBundle texts, Locale locale) {
        if (value == null) {
            return "";
        }
        if (TIMES.contains(name)) {
            return DateTimeFormatter.ofPattern(texts.getString("time.pattern"), locale).withZone(JAPAN)
                    .format(Instant.parse(value.toString()));
        }
        if (name.endsWith("Yen")) {
            return texts.getString("yen.pattern").replace("{amount}", String.format(Locale.ROOT, "%,d", ((Number) value).longValue()));
        }
        if (name.equals("what")) {
            return texts.getString("what." + value);
        }
        return value.toString();
    }
}
