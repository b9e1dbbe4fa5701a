package io.piha.cli.inv;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.DataSource;
import javax.sql.PooledConnection;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The database connections of one command: one physical connection, handed out again each time the inventory
 * asks for one (a new PostgreSQL connection costs a password exchange and a server process, tens of
 * milliseconds, and a command asks several times). A connection asked for while another is still open gets a
 * physical connection of its own. Closing it closes them all. For one command; not for a server.
 */
final class CommandConnection implements DataSource, AutoCloseable {

    private final PGConnectionPoolDataSource source;
    private final Deque<PooledConnection> idle = new ArrayDeque<>();
    private final Deque<PooledConnection> all = new ArrayDeque<>();

    /** @param source where to connect (URL, user, password) */
    CommandConnection(PGConnectionPoolDataSource source) {
        this.source = source;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        PooledConnection pooled = idle.pollFirst();
        if (pooled == null) {
            pooled = source.getPooledConnection();
            all.add(pooled);
            PooledConnection mine = pooled;
            pooled.addConnectionEventListener(new ConnectionEventListener() {
                @Override
                public void connectionClosed(ConnectionEvent event) {
                    release(mine);
                }

                @Override
                public void connectionErrorOccurred(ConnectionEvent event) {
                    forget(mine);
                }
            });
        }
        return pooled.getConnection();
    }

    private synchronized void release(PooledConnection pooled) {
        if (all.contains(pooled)) {
            idle.addFirst(pooled);
        }
    }

    private synchronized void forget(PooledConnection pooled) {
        all.remove(pooled);
        idle.remove(pooled);
        try {
            pooled.close();
        } catch (SQLException e) {
            // broken already: nothing more to release
        }
    }

    @Override
    public synchronized void close() {
        for (PooledConnection p : all) {
            try {
                p.close();
            } catch (SQLException e) {
                // closing at the end of a command: the server drops what is left
            }
        }
        all.clear();
        idle.clear();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the command's connection has its user set");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no driver log
    }

    @Override
    public void setLoginTimeout(int seconds) {
        source.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return source.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper of " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
