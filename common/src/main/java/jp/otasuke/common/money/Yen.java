package jp.otasuke.common.money;

import java.util.Locale;

/**
 * An amount of yen: whole (the contract's money is integer yen), never negative, and written one way in each
 * language — 12,000円 for a Japanese reader, 12,000 yen for an English one, ¥12,000 in a developer's message.
 * Amounts travel as plain numbers in events and JSON ({@code …Yen}); this is for reckoning with them and writing them.
 */
public record Yen(long amount) implements Comparable<Yen> {

    public static final Yen ZERO = new Yen(0);

    public Yen {
        if (amount < 0) {
            throw new IllegalArgumentException("A yen amount is never negative: " + amount);
        }
    }

    public static Yen of(long amount) {
        return new Yen(amount);
    }

    public Yen plus(Yen other) {
        return new Yen(Math.addExact(amount, other.amount));
    }

    /** What is left once {@code other} is taken away, never below zero (a deductible above the covered amount leaves nothing). */
    public Yen less(Yen other) {
        return new Yen(Math.max(0, amount - other.amount));
    }

    public boolean isMoreThan(Yen other) {
        return amount > other.amount;
    }

    /** In a sentence for a person, in their language. */
    public String words(Locale locale) {
        String digits = String.format(Locale.ROOT, "%,d", amount);
        return Locale.JAPANESE.getLanguage().equals(locale.getLanguage()) ? digits + "円" : digits + " yen";
    }

    @Override
    public int compareTo(Yen other) {
        return Long.compare(amount, other.amount);
    }

    /** ¥12,000: for messages to developers and integrators (problem details, logs). */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "¥%,d", amount);
    }
}
