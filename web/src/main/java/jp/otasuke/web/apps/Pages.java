package jp.otasuke.web.apps;

/**
 * The HTML web draws itself: each app's shell (the bundled script draws the app) and the few plain pages (signed
 * out, not for your role), which carry no script and appear in both languages.
 */
final class Pages {

    private Pages() {
    }

    static String shell(String title, String head, String app) {
        return page(title, head, "<body>\n<otasuke-app app=\"" + app + "\"></otasuke-app>\n"
                + "<noscript>JavaScript を有効にしてください / Please enable JavaScript.</noscript>\n</body>");
    }

    static String plain(String title, String japanese, String english, String action) {
        return page(title, "<link rel=\"stylesheet\" href=\"/plain.css\">", """
                <body class="plain">
                <main>
                <h1>Otasuke SOC</h1>
                <p lang="ja">%s</p>
                <p lang="en">%s</p>
                <p>%s</p>
                </main>
                </body>""".formatted(japanese, english, action));
    }

    private static String page(String title, String head, String body) {
        return """
                <!doctype html>
                <html lang="ja">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml">
                %s
                </head>
                %s
                </html>
                """.formatted(title, head, body);
    }
}
