package io.perfgate.demo.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Users in an embedded H2 database (in memory, one per service instance). Each worker thread keeps its own
 * JDBC connection, as a pooled service would.
 */
public final class UserRepository implements AutoCloseable {

    /** A stored user. */
    public record User(long id, String name, String email) {
    }

    private final String url;
    private final Connection keeper;
    private final ThreadLocal<Connection> connections;
    private final List<Connection> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    public UserRepository(int seedUsers) throws SQLException {
        this.url = "jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        this.keeper = DriverManager.getConnection(url);
        try (Statement statement = keeper.createStatement()) {
            statement.execute("CREATE TABLE users (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(200) NOT NULL,"
                    + " email VARCHAR(200) NOT NULL, created TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
            statement.execute("CREATE INDEX users_email ON users(email)");
        }
        try (PreparedStatement insert = keeper.prepareStatement("INSERT INTO users (name, email) VALUES (?, ?)")) {
            for (int i = 1; i <= seedUsers; i++) {
                insert.setString(1, "User " + i);
                insert.setString(2, "user" + i + "@" + (i % 7 == 0 ? "example.org" : "example.com"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        this.connections = ThreadLocal.withInitial(() -> {
            try {
                Connection connection = DriverManager.getConnection(url);
                opened.add(connection);
                return connection;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot open " + url, e);
            }
        });
    }

    public User create(String name, String email) throws SQLException {
        try (PreparedStatement insert = connections.get().prepareStatement(
                "INSERT INTO users (name, email) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, name);
            insert.setString(2, email);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new User(keys.getLong(1), name, email);
            }
        }
    }

    public Optional<User> find(long id) throws SQLException {
        try (PreparedStatement select = connections.get().prepareStatement("SELECT id, name, email FROM users WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new User(rows.getLong(1), rows.getString(2), rows.getString(3)))
                        : Optional.empty();
            }
        }
    }

    public List<User> page(int limit, int offset) throws SQLException {
        try (PreparedStatement select = connections.get().prepareStatement(
                "SELECT id, name, email FROM users ORDER BY id LIMIT ? OFFSET ?")) {
            select.setInt(1, limit);
            select.setInt(2, offset);
            List<User> users = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    users.add(new User(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
            }
            return users;
        }
    }

    /** A deliberately heavier query: every user is read to count users and name lengths per email domain. */
    public List<Object[]> domainReport() throws SQLException {
        try (PreparedStatement select = connections.get().prepareStatement(
                "SELECT SUBSTRING(email, POSITION('@' IN email) + 1) AS domain, COUNT(*), SUM(LENGTH(name) * 31 + id)"
                        + " FROM users GROUP BY domain ORDER BY domain")) {
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Object[] {result.getString(1), result.getLong(2), result.getLong(3)});
                }
            }
            return rows;
        }
    }

    public boolean healthy() {
        try (Statement statement = connections.get().createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1")) {
            return rows.next();
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : opened) {
            connection.close();
        }
        try (Statement statement = keeper.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        keeper.close();
    }
}
