package jp.otasuke.common.text;

import java.util.Locale;

/** The two languages people read the platform in, and which one a request asks for. */
public final class Languages {

    public static final Locale JAPANESE = Locale.JAPANESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Languages() {
    }

    /**
     * The first of Japanese or English in the request's {@code Accept-Language}, in its order of preference;
     * {@code otherwise} when it asks for neither (people's pages ask; an SME that asks nothing reads Japanese).
     */
    public static Locale preferred(String acceptLanguage, Locale otherwise) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return otherwise;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("ja")) {
                    return JAPANESE;
                }
                if (tag.startsWith("en")) {
                    return ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header we cannot read asks for nothing we can honour
        }
        return otherwise;
    }
}
