package dev.bonfire.policy.jdbc;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon has no transaction manager outside Spring, and its JDBC code never commits by itself. This one
 * binds a connection to the current thread for the duration of a transaction, so that the event
 * store append, the synchronous policy-state projection, the idempotency record and the tenant
 * setting for row-level security all commit or roll back together. A transaction started while one
 * is open joins it; only the outermost one commits.
 */
public final class ThreadBoundTransactions implements TransactionManager, ConnectionProvider {

    private final DataSource dataSource;
    private final ThreadLocal<Bound> bound = new ThreadLocal<>();

    public ThreadBoundTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        Bound current = bound.get();
        if (current != null) {
            current.depth++;
            return new Joined(current);
        }
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            Bound fresh = new Bound(connection);
            bound.set(fresh);
            return new Outermost(fresh);
        } catch (SQLException e) {
            throw new IllegalStateException("could not start a database transaction", e);
        }
    }

    /**
     * Runs {@code work} in a transaction of its own, on a connection of its own, that commits (or, when
     * {@code work} throws, rolls back) before this method returns, whatever later becomes of the
     * transaction the current thread is in. That transaction is suspended meanwhile (work done here
     * neither joins nor sees it) and is current again afterwards. For what must be kept even when the
     * surrounding transaction rolls back: the access record of a denied write.
     * <p>
     * It takes a second connection while the suspended one stays open; a pool exhausted by such
     * requests makes this wait for the pool's timeout and then fail, and the request with it.
     */
    public <T> T requiresNew(Supplier<T> work) {
        Bound suspended = bound.get();
        bound.remove();
        try {
            return fetchInTransaction(work);
        } finally {
            if (suspended != null) {
                bound.set(suspended);
            }
        }
    }

    /** {@code true} while the current thread is inside a transaction. */
    public boolean inTransaction() {
        return bound.get() != null;
    }

    /**
     * The current transaction's connection (closing it does nothing), or, outside a transaction, a fresh
     * auto-commit connection that the caller must close.
     */
    @Override
    public Connection getConnection() throws SQLException {
        Bound current = bound.get();
        if (current == null) {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            return connection;
        }
        if (current.rollbackOnly) {
            throw new SQLException("the current transaction is marked for rollback");
        }
        Connection target = current.connection;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> null;
                    case "isClosed" -> target.isClosed();
                    case "commit", "rollback", "setAutoCommit" -> null; // the transaction decides, not the caller
                    case "unwrap" -> target.unwrap((Class<?>) args[0]);
                    default -> invoke(method, target, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Connection target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static final class Bound {
        final Connection connection;
        int depth;
        boolean rollbackOnly;

        Bound(Connection connection) {
            this.connection = connection;
        }
    }

    private final class Outermost implements Transaction {
        private final Bound state;

        Outermost(Bound state) {
            this.state = state;
        }

        @Override
        public void commit() {
            try {
                if (state.rollbackOnly) {
                    state.connection.rollback();
                    throw new IllegalStateException("transaction rolled back: an inner transaction failed");
                }
                state.connection.commit();
            } catch (SQLException e) {
                rollbackQuietly();
                throw new IllegalStateException("commit failed", e);
            } finally {
                release();
            }
        }

        @Override
        public void rollback() {
            try {
                rollbackQuietly();
            } finally {
                release();
            }
        }

        private void rollbackQuietly() {
            try {
                state.connection.rollback();
            } catch (SQLException ignored) {
                // the connection is discarded below; PostgreSQL rolls back on close
            }
        }

        private void release() {
            bound.remove();
            try {
                state.connection.setAutoCommit(true);
                state.connection.close();
            } catch (SQLException ignored) {
                // a broken connection is dropped by the pool
            }
        }
    }

    private static final class Joined implements Transaction {
        private final Bound state;

        Joined(Bound state) {
            this.state = state;
        }

        @Override
        public void commit() {
            state.depth--;
        }

        @Override
        public void rollback() {
            state.depth--;
            state.rollbackOnly = true;
        }
    }
}
