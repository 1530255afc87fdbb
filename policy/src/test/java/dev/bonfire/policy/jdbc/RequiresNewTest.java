package dev.bonfire.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bonfire.policy.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.axonframework.common.transaction.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@link ThreadBoundTransactions#requiresNew}: work that commits on its own while the surrounding transaction rolls back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequiresNewTest {

    private TestDatabase database;
    private ThreadBoundTransactions transactions;

    @BeforeAll
    void start() throws SQLException {
        database = TestDatabase.migrated();
        transactions = new ThreadBoundTransactions(database.dataSource());
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table probe (name text not null)");
        }
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("delete from probe");
        }
    }

    @Test
    void requiresNew_commitsOnItsOwn_whenTheSurroundingTransactionRollsBack() {
        Transaction outer = transactions.startTransaction();
        insert("outer-before");
        transactions.requiresNew(() -> insert("inner"));
        insert("outer-after");
        outer.rollback();

        assertThat(committedNames()).containsExactly("inner");
        assertThat(transactions.inTransaction()).isFalse();
    }

    @Test
    void requiresNew_neitherJoinsNorSeesTheSurroundingTransaction_whichIsCurrentAgainAfterwards() {
        Transaction outer = transactions.startTransaction();
        insert("outer");
        long seenInside = transactions.requiresNew(() -> {
            assertThat(transactions.inTransaction()).isTrue();
            return count("outer");
        });
        long seenAfter = count("outer");
        outer.commit();

        assertThat(seenInside).isZero();
        assertThat(seenAfter).isEqualTo(1);
        assertThat(committedNames()).containsExactly("outer");
    }

    @Test
    void requiresNew_rollsBackItsOwnWork_whenItThrows_andLeavesTheSurroundingTransactionUsable() {
        Transaction outer = transactions.startTransaction();
        insert("outer");
        assertThatThrownBy(() -> transactions.requiresNew(() -> {
            insert("inner");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        insert("outer-again");
        outer.commit();

        assertThat(committedNames()).containsExactlyInAnyOrder("outer", "outer-again");
    }

    @Test
    void requiresNew_outsideAnyTransaction_isAnOrdinaryTransaction() {
        transactions.requiresNew(() -> insert("alone"));

        assertThat(committedNames()).containsExactly("alone");
        assertThat(transactions.inTransaction()).isFalse();
    }

    private int insert(String name) {
        try (Connection connection = transactions.getConnection();
             PreparedStatement statement = connection.prepareStatement("insert into probe (name) values (?)")) {
            statement.setString(1, name);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String name) {
        try (Connection connection = transactions.getConnection();
             PreparedStatement statement = connection.prepareStatement("select count(*) from probe where name = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.List<String> committedNames() {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select name from probe order by name")) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
