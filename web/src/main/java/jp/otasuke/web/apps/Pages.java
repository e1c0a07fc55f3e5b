package jp.otasuke.web.apps;

/** The few pages drawn on the server (signed out, not for your role): plain HTML, no script, in both languages. */
final class Pages {

    private Pages() {
    }

    static String plain(String title, String japanese, String english, String action) {
        return """
                <!doctype html>
                <html lang="ja">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml">
                <link rel="stylesheet" href="/plain.css">
                </head>
                <body class="plain">
                <main>
                <h1>Otasuke SOC</h1>
                <p lang="ja">%s</p>
                <p lang="en">%s</p>
                <p>%s</p>
                </main>
                </body>
                </html>
                """.formatted(title, japanese, english, action);
    }
}
