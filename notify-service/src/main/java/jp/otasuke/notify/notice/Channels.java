package jp.otasuke.notify.notice;

/** What the channels share: a notice that did not go out, and why (said without the receiver's details). */
final class Channels {

    private Channels() {
    }

    static final class NotSent extends Exception {
        NotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
