package jp.otasuke.web.session;

import java.util.Locale;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keycloak's sign-in pages in the person's language: the one they chose in the apps (the {@value #COOKIE} cookie the
 * apps set with the choice), else their browser's first of Japanese and English, else Japanese. Asked for with
 * {@code ui_locales} on the way to Keycloak, which offers the other language on the page.
 */
@ApplicationScoped
@Unremovable // found by quarkus-oidc at run time, injected nowhere
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class SignInLanguage implements OidcRedirectFilter {

    /** Set by the apps (i18n.ts) when a person picks a language; not a secret, readable by the page. */
    static final String COOKIE = "otasuke.lang";

    @Override
    public void filter(OidcRedirectContext context) {
        context.additionalQueryParams().add("ui_locales", of(context.routingContext()));
    }

    static String of(RoutingContext request) {
        Cookie chosen = request.request().getCookie(COOKIE);
        if (chosen != null && (chosen.getValue().equals("ja") || chosen.getValue().equals("en"))) {
            return chosen.getValue();
        }
        for (LanguageHeader language : request.acceptableLanguages()) {
            String tag = language.value().toLowerCase(Locale.ROOT).split("-")[0];
            if (tag.equals("ja") || tag.equals("en")) {
                return tag;
            }
        }
        return "ja";
    }
}
