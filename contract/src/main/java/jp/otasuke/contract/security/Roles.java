package jp.otasuke.contract.security;

/** The realm roles of Keycloak realm {@code otasuke} (DESIGN.md, identity and access). */
public final class Roles {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String SOC_OPERATOR = "soc-operator";
    public static final String FIELD_ENGINEER = "field-engineer";
    public static final String INSURER = "insurer";
    public static final String SME_USER = "sme-user";

    private Roles() {
    }
}
