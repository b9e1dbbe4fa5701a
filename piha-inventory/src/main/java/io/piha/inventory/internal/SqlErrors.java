package io.piha.inventory.internal;

import io.piha.api.inventory.InventoryException;
import java.sql.SQLException;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns PostgreSQL's refusals into typed inventory errors that name the rule and the value. */
public final class SqlErrors {

    private SqlErrors() {
    }

    /** The inventory error for a failed statement about {@code what}. */
    public static InventoryException translate(String what, JdbiException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        if (!(cause instanceof SQLException sql)) {
            return new InventoryException(what + ": " + e.getMessage());
        }
        return translate(what, sql);
    }

    /** The inventory error for a failed statement about {@code what}. */
    public static InventoryException translate(String what, SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String constraint = "";
        String detail = sql.getMessage();
        if (sql instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            constraint = m.getConstraint() == null ? "" : m.getConstraint();
            detail = m.getDetail() != null ? m.getMessage() + " (" + m.getDetail() + ")" : m.getMessage();
        }
        String message = what + ": " + detail + (constraint.isEmpty() ? "" : " [" + constraint + "]");
        return switch (state) {
            case "23505", "23514", "23P01" -> new InventoryException.Conflict(message);
            case "23503" -> constraint.endsWith("_same_site")
                    ? new InventoryException.Conflict(message)
                    : new InventoryException.NotFound(message);
            default -> new InventoryException(message);
        };
    }
}
