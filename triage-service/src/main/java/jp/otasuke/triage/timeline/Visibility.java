package jp.otasuke.triage.timeline;

/** Who may read a timeline entry or a comment: the SOC only, or the SME too. */
public enum Visibility {
    INTERNAL, CUSTOMER
}
