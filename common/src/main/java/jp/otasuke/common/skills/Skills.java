package jp.otasuke.common.skills;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.otasuke.common.events.Enums.AlertCategory;
import jp.otasuke.common.text.Sentence;

/**
 * The one catalogue of on-site skills (dispatch serves it as {@code GET /api/v1/skills}): engineers are onboarded and
 * on-site requests name skills from it only, compared exactly (a mistyped or differently cased skill would match no
 * engineer, and the job would wait for nobody). It also says which skills an incident's category needs when the
 * operator names none, so that vocabulary exists once.
 */
public final class Skills {

    /** A skill: its code, and what people read for it. */
    public record Skill(String code, String labelJa, String labelEn) {
    }

    /** The codes; what people read for each is {@code skills.<code>} in the platform's shared words, as any text says it. */
    public static final List<Skill> CATALOGUE = java.util.stream.Stream.of("endpoint", "network", "forensics", "general")
            .map(code -> new Skill(code, words(code, java.util.Locale.JAPANESE), words(code, java.util.Locale.ENGLISH)))
            .toList();

    private Skills() {
    }

    private static String words(String code, java.util.Locale locale) {
        return Sentence.sharedWords("skills." + code, locale)
                .orElseThrow(() -> new IllegalStateException("texts/words has no skills." + code + " for " + locale));
    }

    public static boolean known(String code) {
        return CATALOGUE.stream().anyMatch(s -> s.code().equals(code));
    }

    /** The first code that is not in the catalogue, if any. */
    public static Optional<String> firstUnknown(List<String> codes) {
        return codes.stream().filter(c -> !known(c)).findFirst();
    }

    /** What a 400 says about an unknown skill: the code, and the ones that exist. */
    public static String unknownMessage(String code) {
        return "unknown skill \"" + code + "\"; the skills are " + CATALOGUE.stream().map(Skill::code)
                .collect(Collectors.joining(", ")) + " (GET /api/v1/skills)";
    }

    /** The skills an on-site engineer needs for an incident of a category, when the operator names none. */
    public static List<String> forCategory(AlertCategory category) {
        if (category == null) {
            return List.of("general");
        }
        return switch (category) {
            case RANSOMWARE -> List.of("endpoint", "forensics");
            case EXFILTRATION -> List.of("network", "forensics");
            case MALWARE, C2, PHISHING -> List.of("endpoint");
            case INTRUSION, RECON, BRUTE_FORCE -> List.of("network");
            case POLICY, OTHER -> List.of("general");
        };
    }
}
