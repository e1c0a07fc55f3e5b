package jp.otasuke.common.events;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.otasuke.common.text.Sentence;

/**
 * One line of a rush-out's costs, in integer yen. {@code description} is its English words; {@code wording} (added
 * later, absent in older events) the same as a sentence of the {@code texts/costs} bundle, so an SME reads the line
 * in Japanese.
 */
public record CostLine(Enums.CostType type, String description, long amountYen,
        @JsonInclude(JsonInclude.Include.NON_NULL) Sentence wording) {

    public static final String TEXTS = "texts.costs";

    public CostLine(Enums.CostType type, String description, long amountYen) {
        this(type, description, amountYen, null);
    }

    /** A line worded by its sentence, its English description kept from the same words. */
    public static CostLine worded(Enums.CostType type, Sentence wording, long amountYen) {
        return new CostLine(type, wording.render(TEXTS, Locale.ENGLISH), amountYen, wording);
    }

    /** The line's words in the reader's language (the stored description where there is no sentence). */
    public String description(Locale locale) {
        return wording == null ? description : wording.render(TEXTS, locale);
    }
}
