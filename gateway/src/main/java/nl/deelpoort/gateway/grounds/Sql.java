package nl.deelpoort.gateway.grounds;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** The few JDBC conversions the grounds tables need: text arrays, days and instants. */
final class Sql {

    static Array texts(Connection c, Collection<?> values) throws SQLException {
        return c.createArrayOf(
                "text",
                values.stream().map(v -> v == null ? null : v.toString()).toArray());
    }

    static <T> List<T> texts(ResultSet rs, String column, Function<String, T> parse) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        List<T> values = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            values.add(o == null ? null : parse.apply((String) o));
        }
        return values;
    }

    static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static LocalDate day(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private Sql() {}
}
