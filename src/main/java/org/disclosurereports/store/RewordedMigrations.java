package org.disclosurereports.store;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Two shipped migrations (V5, V6) had their first comment line reworded after release. Flyway's
 * checksums cover comments, so a database migrated with the old wording would fail validation.
 * Before Flyway validates, the recorded checksum of each is moved from the old wording's to the new
 * one's, and only where it is exactly the old wording's: any other difference still fails.
 */
final class RewordedMigrations implements Callback {

    /** Version, checksum of the old wording, checksum of the new one. */
    private record Reworded(String version, int before, int after) {}

    private static final List<Reworded> REWORDED = List.of(
            new Reworded("5", -455691771, -738686725),
            new Reworded("6", -1224980736, 1360572697));

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String table = context.getConfiguration().getTable();
        Connection connection = context.getConnection();
        try {
            if (!exists(connection, table)) {
                return;
            }
            String quote = connection.getMetaData().getIdentifierQuoteString();
            String sql = "UPDATE " + quote + table + quote + " SET " + quote + "checksum" + quote + " = ? WHERE "
                    + quote + "version" + quote + " = ? AND " + quote + "checksum" + quote + " = ?";
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (Reworded r : REWORDED) {
                    update.setInt(1, r.after());
                    update.setString(2, r.version());
                    update.setInt(3, r.before());
                    update.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bring the checksums of reworded migrations up to date: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, table, null)) {
            return tables.next();
        }
    }

    @Override
    public String getCallbackName() {
        return "reworded migrations";
    }
}
