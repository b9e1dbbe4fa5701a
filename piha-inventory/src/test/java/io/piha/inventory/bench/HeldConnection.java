package io.piha.inventory.bench;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A data source that hands out one long-lived connection, as a connection pool would after warm-up. */
final class HeldConnection implements DataSource {

    private final Connection held;

    HeldConnection(DataSource ds) throws SQLException {
        Connection real = ds.getConnection();
        this.held = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) ->
                        method.getName().equals("close") ? null : method.invoke(real, args));
    }

    @Override
    public Connection getConnection() {
        return held;
    }

    @Override
    public Connection getConnection(String username, String password) {
        return held;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
