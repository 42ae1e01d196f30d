package nl.deelpoort.gateway.audit.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The standard's field list as kept in {@code src/test/resources/logboek} (source, version and licence
 * in its SOURCE.md), as a validator: JSON Schema 2020-12 with format assertions on, so that a URI or
 * a date-time that is not one fails too.
 */
final class LogboekSchema {

    static final String RESOURCE = "/logboek/logboek-record.schema.json";

    private static final Schema SCHEMA = load();

    private LogboekSchema() {}

    /** The problems of one export line; empty if it is a valid record of the standard. */
    static List<String> problems(String line) {
        List<Error> errors = SCHEMA.validate(
                line, InputFormat.JSON, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
        return errors.stream().map(Error::toString).toList();
    }

    private static Schema load() {
        try (InputStream in = LogboekSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
