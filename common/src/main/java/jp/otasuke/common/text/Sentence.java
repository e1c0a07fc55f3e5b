package jp.otasuke.common.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.otasuke.common.money.Yen;

/**
 * A text for a person, kept as a message key and its facts rather than as words, so the same record reads in
 * Japanese or English when it is read, and a page can present the facts itself. The words live in a service's
 * message bundles ({@code texts/<name>_ja.properties}, {@code _en}); {@code {fact}} in a message is replaced by:
 * <ul>
 * <li>a time (a fact named {@code …At}, {@code eta} or {@code deadline}) in Asia/Tokyo, by the bundle's {@code time.pattern};</li>
 * <li>a date (a fact named {@code …On} or {@code …Date}) by {@code date.pattern};</li>
 * <li>a length of time (a fact named {@code …Minutes}) in hours and minutes (2時間30分, 2 h 30 min);</li>
 * <li>a yen amount (a fact named {@code …Yen}) as {@link Yen} writes it in the reader's language (12,000円, 12,000 yen);</li>
 * <li>a code with words of its own ({@code <fact>.<value>}, e.g. {@code what.RANSOMWARE}) by those words: the bundle's
 * own, else the platform's shared words ({@link #WORDS}, in otasuke-common);</li>
 * <li>a list by each of its items so, joined by the bundle's {@code list.separator} (else ", ");</li>
 * <li>anything else as it is.</li>
 * </ul>
 */
public record Sentence(String key, Map<String, Object> facts) {

    /** Words for codes that several services' texts use (alert categories). */
    public static final String WORDS = "texts.words";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final Pattern FACT = Pattern.compile("\\{([A-Za-z]+)}");
    private static final ResourceBundle.Control EXACT_LANGUAGE = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    /** {@code Sentence.of("claim.payable", "payableYen", 12000)}; times and dates are kept as ISO text. */
    public static Sentence of(String key, Object... namesAndValues) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            facts.put((String) namesAndValues[i], asStored(namesAndValues[i + 1]));
        }
        return new Sentence(key, facts);
    }

    /**
     * A fact as it reads back from JSON: times, codes and ids as text, whole numbers as Integer where they fit, lists,
     * maps, another sentence as its key and facts. Facts are stored as JSON; a fact that changed type on the way (an enum
     * that comes back as text) made Hibernate rewrite each timeline row it had just inserted (issue 33), and a line
     * rendered before storage could differ from the same line read back.
     */
    private static Object asStored(Object value) {
        if (value instanceof Instant || value instanceof LocalDate || value instanceof Enum<?> || value instanceof java.util.UUID) {
            return value instanceof Enum<?> e ? e.name() : value.toString();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            long n = ((Number) value).longValue();
            return n == (int) n ? (Object) (int) n : (Object) n;
        }
        if (value instanceof java.util.Collection<?> items) {
            return items.stream().map(Sentence::asStored).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> stored = new LinkedHashMap<>();
            map.forEach((k, v) -> stored.put(String.valueOf(k), asStored(v)));
            return stored;
        }
        if (value instanceof Sentence said) {
            return said.asStored();
        }
        return value;
    }

    /** This sentence as JSON stores it, inside another's facts or a column of its own: {@code {key, facts}}. */
    public Map<String, Object> asStored() {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("key", key);
        stored.put("facts", asStored(facts));
        return stored;
    }

    /** The platform's shared words for a code ({@code <fact>.<value>}, e.g. {@code skills.network}), if it has them. */
    public static java.util.Optional<String> sharedWords(String code, Locale locale) {
        ResourceBundle shared = ResourceBundle.getBundle(WORDS, locale, EXACT_LANGUAGE);
        return shared.containsKey(code) ? java.util.Optional.of(shared.getString(code)) : java.util.Optional.empty();
    }

    /** @param bundle the bundle's base name, e.g. {@code texts.customer} */
    public String render(String bundle, Locale locale) {
        ResourceBundle texts = ResourceBundle.getBundle(bundle, locale, EXACT_LANGUAGE);
        Matcher fact = FACT.matcher(texts.getString(key));
        StringBuilder line = new StringBuilder();
        while (fact.find()) {
            String name = fact.group(1);
            fact.appendReplacement(line, Matcher.quoteReplacement(format(name, facts.get(name), texts, locale)));
        }
        return fact.appendTail(line).toString();
    }

    private static String format(String name, Object value, ResourceBundle texts, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.util.Collection<?> items) {
            String separator = texts.containsKey("list.separator") ? texts.getString("list.separator") : ", ";
            return items.stream().map(item -> format(name, item, texts, locale))
                    .collect(java.util.stream.Collectors.joining(separator));
        }
        if (name.endsWith("At") || name.equals("eta") || name.equals("deadline")) {
            return DateTimeFormatter.ofPattern(texts.getString("time.pattern"), locale).withZone(JAPAN)
                    .format(Instant.parse(value.toString()));
        }
        if (name.endsWith("On") || name.endsWith("Date")) {
            return DateTimeFormatter.ofPattern(texts.getString("date.pattern"), locale).format(LocalDate.parse(value.toString()));
        }
        if (name.endsWith("Minutes")) {
            return minutes(((Number) value).longValue(), locale);
        }
        if (name.endsWith("Yen")) {
            return Yen.of(((Number) value).longValue()).words(locale);
        }
        String code = name + "." + value;
        if (texts.containsKey(code)) {
            return texts.getString(code);
        }
        return sharedWords(code, locale).orElse(value.toString());
    }

    private static String minutes(long total, Locale locale) {
        long hours = total / 60;
        long minutes = total % 60;
        boolean japanese = "ja".equals(locale.getLanguage());
        StringBuilder words = new StringBuilder();
        if (hours > 0) {
            words.append(hours).append(japanese ? "時間" : " h");
        }
        if (minutes > 0 || hours == 0) {
            words.append(japanese || hours == 0 ? "" : " ").append(minutes).append(japanese ? "分" : " min");
        }
        return words.toString();
    }
}
