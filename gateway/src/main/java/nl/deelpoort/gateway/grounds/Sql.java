package nl.deelpoort.gateway.grounds;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** The few JDBC conversions the grounds tables need: text arrays, days and instants. */
final class Sql {

    /** A {@code text[]} parameter. */
    static String[] texts(Collection<?> values) {
        return values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    static <T> List<T> texts(ResultSet rs, String column, Function<String, T> parse) throws SQLException {
        Array array = rs.getArray(column);
        List<T> values = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                values.add(o == null ? null : parse.apply((String) o));
            }
        }
        return values;
    }

    /** An unmodifiable set in the stored order, for stable answers. */
    static <T> Set<T> set(ResultSet rs, String column, Function<String, T> parse) throws SQLException {
        return Collections.unmodifiableSet(new LinkedHashSet<>(texts(rs, column, parse)));
    }

    static UUID id(ResultSet rs) throws SQLException {
        return rs.getObject("id", UUID.class);
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
