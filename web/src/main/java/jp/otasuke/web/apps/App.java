package jp.otasuke.web.apps;

import java.util.Arrays;
import java.util.Optional;

import jp.otasuke.contract.security.Roles;
import jp.otasuke.web.session.Person;

/** The people's apps on this origin, each for one role; a person holding several is sent to the first of them. */
public enum App {
    SOC("soc", Roles.SOC_OPERATOR, "Otasuke SOC — SOCコンソール"),
    ADMIN("admin", Roles.PLATFORM_ADMIN, "Otasuke SOC — 管理"),
    FIELD("field", Roles.FIELD_ENGINEER, "Otasuke 駆付け"),
    MY("my", Roles.SME_USER, "お助け隊 ご契約者ページ");

    /** The app paths, as a JAX-RS path template matches them. */
    static final String PATHS = "soc|admin|field|my";

    final String name;
    final String role;
    final String title;

    App(String name, String role, String title) {
        this.name = name;
        this.role = role;
        this.title = title;
    }

    public String path() {
        return "/" + name + "/";
    }

    static App named(String name) {
        return Arrays.stream(values()).filter(a -> a.name.equals(name)).findFirst().orElseThrow();
    }

    /** The app of a person, by role, or empty when no app here is for them. */
    public static Optional<App> of(Person person) {
        return Arrays.stream(values()).filter(a -> person.has(a.role)).findFirst();
    }
}
