package jp.otasuke.dispatch.job;

import java.util.Locale;

import jp.otasuke.common.text.Languages;
import jp.otasuke.common.text.Sentence;

/** The words people read from dispatch (texts/dispatch bundles); an engineer reads Japanese unless the phone asks for English. */
public final class DispatchTexts {

    private static final String BUNDLE = "texts.dispatch";

    private DispatchTexts() {
    }

    public static Locale locale(String acceptLanguage) {
        return Languages.preferred(acceptLanguage, Languages.JAPANESE);
    }

    public static String render(Sentence sentence, Locale locale) {
        return sentence.render(BUNDLE, locale);
    }
}
