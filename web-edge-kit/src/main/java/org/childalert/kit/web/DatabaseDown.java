package org.childalert.kit.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure comes from a database that cannot be reached rather than from this service: somewhere in its
 * causes is a connection that could not be had or that broke (JDBC's SQLState class 08, "connection exception").
 * The outermost exception often hides it: when a connection breaks mid-transaction, the rollback fails too, and
 * Spring reports the failed rollback.
 */
public final class DatabaseDown {

    private DatabaseDown() {
    }

    public static boolean isTheCauseOf(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (isConnectionFailure(cause)) {
                return true;
            }
            if (cause instanceof TransactionSystemException transaction && transaction.getApplicationException() != null
                    && isTheCauseOf(transaction.getApplicationException())) {
                return true; // the failure that made the transaction roll back, hidden behind the rollback's own
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return true;
        }
        return cause instanceof CannotGetJdbcConnectionException || cause instanceof DataAccessResourceFailureException
                || cause instanceof TransientDataAccessException || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException;
    }
}
