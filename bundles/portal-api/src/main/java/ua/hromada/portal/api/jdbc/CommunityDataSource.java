package ua.hromada.portal.api.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.function.Supplier;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource whose connections belong to one community: each connection taken runs as
 * {@link CommunityData#APP_ROLE} with {@link CommunityData#SETTING} set to the community the
 * supplier names at that moment; closing it resets both before the pool takes it back. The portal
 * registers one over its pool (the community of the running work); tests make one per community.
 */
public final class CommunityDataSource implements DataSource {

    private static final String ENTER = "select set_config('role', '" + CommunityData.APP_ROLE + "', false), "
            + "set_config('" + CommunityData.SETTING + "', ?, false)";
    private static final String LEAVE = "reset role; reset " + CommunityData.SETTING;

    private final DataSource owner;
    private final Supplier<String> community;

    /**
     * @param owner     the pool, connecting as the schemas' owner
     * @param community the community of the running work, asked at each {@link #getConnection()}
     */
    public CommunityDataSource(DataSource owner, Supplier<String> community) {
        this.owner = owner;
        this.community = community;
    }

    @Override
    public Connection getConnection() throws SQLException {
        String id = community.get();
        if (id == null || id.isBlank()) {
            throw new SQLException("no community bound to this work");
        }
        Connection connection = owner.getConnection();
        try (PreparedStatement enter = connection.prepareStatement(ENTER)) {
            enter.setString(1, id);
            enter.execute();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Leaving(connection));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the community DataSource connects as the portal's pool does");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return owner.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        owner.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        owner.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return owner.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return owner.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("the community DataSource wraps nothing a module may use");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    /** Resets role and community when the connection goes back; refuses unwrapping to the owner's. */
    private static final class Leaving implements InvocationHandler {
        private final Connection connection;
        private boolean closed;

        Leaving(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close":
                    close();
                    return null;
                case "isClosed":
                    return closed || connection.isClosed();
                case "unwrap":
                case "isWrapperFor":
                    // the raw connection could reset the role: modules get none
                    if ("isWrapperFor".equals(method.getName())) {
                        return false;
                    }
                    throw new SQLException("a community connection unwraps to nothing");
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    if (closed) {
                        throw new SQLException("connection closed");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
            }
        }

        private void close() throws SQLException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (!connection.getAutoCommit()) {
                    // an open (possibly failed) transaction would refuse the reset
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                try (Statement leave = connection.createStatement()) {
                    leave.execute(LEAVE);
                }
            } finally {
                connection.close();
            }
        }
    }
}
