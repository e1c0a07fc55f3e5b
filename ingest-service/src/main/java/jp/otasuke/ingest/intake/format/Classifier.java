package jp.otasuke.ingest.intake.format;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jp.otasuke.common.events.Enums.AlertCategory;

/**
 * The category of an alert from the words its source uses (signature, rule description, category text).
 * The most specific category wins: ransomware before malware, brute force before intrusion, and so on.
 */
public final class Classifier {

    private record Rule(AlertCategory category, Pattern words) {
    }

    private static final List<Rule> RULES = List.of(
            rule(AlertCategory.RANSOMWARE, "ransom"),
            rule(AlertCategory.EXFILTRATION, "exfil|data leak|data theft|\\bdlp\\b|data loss"),
            rule(AlertCategory.C2, "command and control|\\bcnc\\b|\\bc2\\b|c&c|beacon|botnet"),
            rule(AlertCategory.PHISHING, "phish"),
            rule(AlertCategory.BRUTE_FORCE, "brute|password.guess|login.fail|logon.fail|failed.(log[io]n|password)"
                    + "|authentication.fail|auth.fail|invalid user|login failed|logon failure|an account failed to log on"),
            rule(AlertCategory.MALWARE, "malware|trojan|virus|\\bworm\\b|backdoor|eicar|infected|spyware|rootkit"
                    + "|threat detected|malicious|\\bmal\\b|cryptominer|coinminer"),
            rule(AlertCategory.RECON, "\\bscan|recon|\\bprobe|sweep|enumerat|information leak|fingerprint"),
            rule(AlertCategory.INTRUSION, "exploit|attack|intrusion|injection|traversal|privilege|shellcode|overflow"
                    + "|cve-|webshell|lateral|remote ?thread|lsass|credential|anomaly|service (was )?installed"
                    + "|log (was )?cleared|wmi"),
            rule(AlertCategory.POLICY, "policy|config|p2p|app-ctrl|webfilter|web filter|denied|certificate|expired"
                    + "|version|applocker|account (was )?(created|changed|enabled)|user account"));

    private Classifier() {
    }

    public static AlertCategory classify(String... texts) {
        StringBuilder all = new StringBuilder();
        for (String text : texts) {
            if (text != null) {
                all.append(text.toLowerCase(Locale.ROOT)).append(' ');
            }
        }
        String haystack = all.toString().replace('_', ' ');
        for (Rule rule : RULES) {
            if (rule.words().matcher(haystack).find()) {
                return rule.category();
            }
        }
        return AlertCategory.OTHER;
    }

    private static Rule rule(AlertCategory category, String regex) {
        return new Rule(category, Pattern.compile(regex));
    }
}
