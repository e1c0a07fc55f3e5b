package jp.otasuke.common.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jp.otasuke.infra.postgres.PostgresServer;
import jp.otasuke.infra.testing.TestServers;

/** A fresh database on the real test PostgreSQL, with the common migration applied. */
class Database implements DataSource {

    private final String url;

    private Database(String url) {
        this.url = url;
    }

    static Database fresh(String name) throws SQLException, IOException {
        Database db = new Database(TestServers.freshDatabase(name));
        for (String migration : List.of("V0_1__outbox_and_inbox.sql", "V0_3__outbox_lanes.sql", "V0_4__outbox_trace.sql")) {
            try (InputStream sql = Database.class.getResourceAsStream("/db/common/" + migration);
                    Connection c = db.getConnection()) {
                c.createStatement().execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return db;
    }

    /** A data source whose connections die at the commit that would mark a published batch sent. */
    DataSource dyingBeforeMarkingSent() {
        Database self = this;
        return new Database(url) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection real = self.getConnection();
                boolean[] marking = {false};
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement") && String.valueOf(args[0]).contains("set sent_at")) {
                                marking[0] = true;
                            }
                            if (method.getName().equals("commit") && marking[0]) {
                                real.close();
                                throw new SQLException("relay died before marking the batch sent");
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return DriverManager.getConnection(url, username, password);
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
