package nl.deelpoort.gateway.logstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.deelpoort.devkit.EmbeddedDatabase;
import nl.deelpoort.gateway.support.BenchDatabase;
import nl.deelpoort.ledger.Pseudonyms;
import org.junit.jupiter.api.Test;

/**
 * V47 stores each subject's pseudonym next to its secret and fills the rows written before it with
 * an HMAC written out in SQL: it must give exactly the pseudonyms the gateway derives ({@link
 * Pseudonyms#pseudonym}), or every earlier subject would lose its log entries and grounds.
 */
class SubjectPseudonymMigrationIT {

    @Test
    void theRowsOfBeforeGetThePseudonymsTheGatewayDerives() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(0, null)) {
            BenchDatabase.migrate(db, "46");
            SecureRandom random = new SecureRandom();
            List<byte[]> secrets = new ArrayList<>();
            byte[] zeros = new byte[32];
            byte[] ones = new byte[32];
            Arrays.fill(ones, (byte) 0xff);
            secrets.add(zeros);
            secrets.add(ones);
            for (int i = 0; i < 200; i++) {
                secrets.add(Pseudonyms.newSubjectSecret(random));
            }
            Map<String, String> expected = new HashMap<>();
            try (Connection c = owner(db);
                    PreparedStatement insert =
                            c.prepareStatement("INSERT INTO deelpoort.subject_secret (lookup, secret) VALUES (?, ?)")) {
                for (byte[] secret : secrets) {
                    byte[] lookup = Pseudonyms.newSubjectSecret(random);
                    insert.setBytes(1, lookup);
                    insert.setBytes(2, secret);
                    insert.executeUpdate();
                    expected.put(Arrays.toString(lookup), Pseudonyms.pseudonym(secret));
                }
            }

            BenchDatabase.migrate(db, "latest");

            Map<String, String> stored = new HashMap<>();
            try (Connection c = owner(db);
                    ResultSet rs = c.createStatement()
                            .executeQuery("SELECT lookup, pseudonym FROM deelpoort.subject_secret")) {
                while (rs.next()) {
                    stored.put(Arrays.toString(rs.getBytes(1)), rs.getString(2));
                }
            }
            assertThat(stored).hasSize(secrets.size()).isEqualTo(expected);
        }
    }

    private static Connection owner(EmbeddedDatabase db) throws Exception {
        return DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.OWNER, EmbeddedDatabase.OWNER_PASSWORD);
    }
}
