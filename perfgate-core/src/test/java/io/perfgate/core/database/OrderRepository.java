package io.perfgate.core.database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small repository with the classic N+1 mistake and its fix, for the database gate's tests. */
public final class OrderRepository {

    public record Order(int id, String customer, List<String> skus) {
    }

    private final DataSource dataSource;

    public OrderRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates {@code orders} orders with {@code linesPerOrder} lines each. */
    public static void createSchema(Connection connection, int orders, int linesPerOrder) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table orders (id int primary key, customer varchar(40) not null)");
            statement.execute("create table order_line (order_id int not null, sku varchar(20) not null)");
            statement.execute("create index order_line_order on order_line (order_id)");
        }
        try (PreparedStatement order = connection.prepareStatement("insert into orders values (?, ?)");
             PreparedStatement line = connection.prepareStatement("insert into order_line values (?, ?)")) {
            for (int id = 1; id <= orders; id++) {
                order.setInt(1, id);
                order.setString(2, "customer-" + (id % 7));
                order.addBatch();
                for (int l = 0; l < linesPerOrder; l++) {
                    line.setInt(1, id);
                    line.setString(2, "SKU-" + id + "-" + l);
                    line.addBatch();
                }
            }
            order.executeBatch();
            line.executeBatch();
        }
    }

    /** One query for the orders, then one per order for its lines: N+1 statements. */
    public List<Order> findAllOneByOne() throws SQLException {
        List<Order> orders = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id, customer from orders order by id")) {
            while (rows.next()) {
                int id = rows.getInt(1);
                List<String> skus = new ArrayList<>();
                try (PreparedStatement lines = connection.prepareStatement(
                        "select sku from order_line where order_id = ?")) {
                    lines.setInt(1, id);
                    try (ResultSet lineRows = lines.executeQuery()) {
                        while (lineRows.next()) {
                            skus.add(lineRows.getString(1));
                        }
                    }
                }
                orders.add(new Order(id, rows.getString(2), skus));
            }
        }
        return orders;
    }

    /** The same result with one statement. */
    public List<Order> findAllJoined() throws SQLException {
        Map<Integer, Order> orders = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select o.id, o.customer, l.sku from orders o"
                     + " left join order_line l on l.order_id = o.id order by o.id")) {
            while (rows.next()) {
                Order order = orders.computeIfAbsent(rows.getInt(1),
                        id -> new Order(id, uncheckedString(rows, 2), new ArrayList<>()));
                String sku = rows.getString(3);
                if (sku != null) {
                    order.skus().add(sku);
                }
            }
        }
        return new ArrayList<>(orders.values());
    }

    private static String uncheckedString(ResultSet rows, int column) {
        try {
            return rows.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
