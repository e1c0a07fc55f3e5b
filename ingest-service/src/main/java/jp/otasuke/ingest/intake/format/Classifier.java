package jp.otasuke.ingest.intake.format;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jp.otasuke.common.events.Enums.AlertCategory;

/**
 * The category of an alert from the words its source uses (signature, rule description, category text).
 * The most specific category wins: ransomware before malware, brute force before intrusion, and so on.
 *
 * <p>Plain substring and whole-word checks rather than regular expressions: this runs for every alert of
 * every sensor, and a profile of the intake showed alternation regexes taking a quarter of its CPU. And the answer is
 * remembered: a sensor sends the same few thousand signatures over and over, and classifying them afresh was still a
 * sixth of the Suricata path's CPU (JFR, 2026-12-02).
 */
public final class Classifier {

    /** A category's signs: phrases found anywhere, whole words, and word beginnings ("scan" for "scanner"). */
    private record Rule(AlertCategory category, List<String> phrases, Set<String> words, List<String> prefixes) {

        boolean matches(String text, Set<String> tokens) {
            for (String phrase : phrases) {
                if (text.contains(phrase)) {
                    return true;
                }
            }
            for (String token : tokens) {
                if (words.contains(token)) {
                    return true;
                }
                for (String prefix : prefixes) {
                    if (token.startsWith(prefix)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(AlertCategory.RANSOMWARE, List.of("ransom"), Set.of(), List.of()),
            new Rule(AlertCategory.EXFILTRATION, List.of("exfil", "data leak", "data theft", "data loss"), Set.of("dlp"), List.of()),
            new Rule(AlertCategory.C2, List.of("command and control", "c&c", "beacon", "botnet"), Set.of("cnc", "c2"), List.of()),
            new Rule(AlertCategory.PHISHING, List.of("phish"), Set.of(), List.of()),
            new Rule(AlertCategory.BRUTE_FORCE, List.of("brute", "password guess", "password-guess", "login fail", "login-fail",
                    "logon fail", "logon-fail", "failed login", "failed logon", "failed password", "authentication fail",
                    "auth fail", "invalid user", "login failed", "logon failure", "an account failed to log on"),
                    Set.of(), List.of()),
            new Rule(AlertCategory.MALWARE, List.of("malware", "trojan", "virus", "backdoor", "eicar", "infected", "spyware",
                    "rootkit", "threat detected", "malicious", "cryptominer", "coinminer"), Set.of("worm", "mal"), List.of()),
            new Rule(AlertCategory.RECON, List.of("recon", "sweep", "enumerat", "information leak", "fingerprint"), Set.of(),
                    List.of("scan", "probe")),
            new Rule(AlertCategory.INTRUSION, List.of("exploit", "attack", "intrusion", "injection", "traversal", "privilege",
                    "shellcode", "overflow", "cve-", "webshell", "lateral", "remote thread", "remotethread", "lsass",
                    "credential", "anomaly", "service installed", "service was installed", "log cleared", "log was cleared",
                    "wmi"), Set.of(), List.of()),
            new Rule(AlertCategory.POLICY, List.of("policy", "config", "p2p", "app-ctrl", "app ctrl", "webfilter", "web filter",
                    "denied", "certificate", "expired", "version", "applocker", "account created", "account was created",
                    "account changed", "account was changed", "account enabled", "account was enabled", "user account"),
                    Set.of(), List.of()));

    private Classifier() {
    }

    /** Signature texts → category; bounded, so a flood of distinct texts costs at most this many entries. */
    private static final Cache<List<String>, AlertCategory> KNOWN = Caffeine.newBuilder().maximumSize(10_000).build();

    public static AlertCategory classify(String... texts) {
        return KNOWN.get(Arrays.asList(texts.clone()), key -> classifyAfresh(texts));
    }

    private static AlertCategory classifyAfresh(String... texts) {
        StringBuilder all = new StringBuilder();
        for (String text : texts) {
            if (text != null) {
                all.append(text.toLowerCase(Locale.ROOT)).append(' ');
            }
        }
        String haystack = all.toString().replace('_', ' ');
        Set<String> tokens = tokens(haystack);
        for (Rule rule : RULES) {
            if (rule.matches(haystack, tokens)) {
                return rule.category();
            }
        }
        return AlertCategory.OTHER;
    }

    /** The words of the text: runs of letters and digits. */
    private static Set<String> tokens(String text) {
        Set<String> tokens = new HashSet<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                tokens.add(text.substring(start, i));
                start = -1;
            }
        }
        return tokens;
    }
}
