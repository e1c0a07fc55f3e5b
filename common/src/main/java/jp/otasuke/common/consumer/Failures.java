package jp.otasuke.common.consumer;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Tells a failure that waiting cures (the database restarting, a lock conflict) from one it does not. */
final class Failures {

    private Failures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
            // Agroal's pool reports an unreachable database as an acquisition timeout without a SQL state
            if (t.getMessage() != null && t.getMessage().contains("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /** SQL states: 08 connection, 53 resources, 57P admin shutdown / cannot connect now, 40 serialization or deadlock. */
    private static boolean transientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("40001") || state.equals("40P01"));
    }

    static String describe(Throwable failure) {
        Throwable root = rootCause(failure);
        return root == failure ? String.valueOf(failure) : failure.getClass().getSimpleName() + " caused by " + root;
    }

    /** The innermost cause: what actually went wrong (a constraint, a parse error), not the layers around it. */
    static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
