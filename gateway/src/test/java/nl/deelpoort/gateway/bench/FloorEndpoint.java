package nl.deelpoort.gateway.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import nl.deelpoort.devkit.EmbeddedDatabase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor an evaluation is measured against (docs/benchmarks/grounds.md): a bare endpoint in the
 * same gateway process that reads and checks the same bearer token with the same {@link
 * BearerTokenResolver} and {@link JwtDecoder}, reads a
 * JSON body and commits one INSERT of a log entry's size through the same connection pool. Test code,
 * on the class path only of the benchmark's gateway JVM, and only there switched on ({@code
 * deelpoort.bench.floor=true}); the table {@code bench_floor} is made by the benchmark.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "deelpoort.bench.floor", havingValue = "true")
public class FloorEndpoint {

    /** The size of a stored log entry (canonical bytes and hashes; docs/benchmarks/logstore.md). */
    static final int ENTRY_BYTES = 1_900;

    @Bean
    @Order(0)
    SecurityFilterChain floorChain(HttpSecurity http, JwtDecoder decoder, BearerTokenResolver bearerTokens)
            throws Exception {
        return http.securityMatcher("/bench/floor")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.bearerTokenResolver(bearerTokens).jwt(j -> j.decoder(decoder)))
                .csrf(c -> c.disable())
                .build();
    }

    /**
     * The floor's table, made by the benchmark before the gateway starts: in schema public, since the
     * gateway's own schema only exists once its migrations ran.
     */
    public static void createTable(EmbeddedDatabase database) throws Exception {
        try (Connection c = database.superuserConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE public.bench_floor (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload bytea NOT NULL)");
            s.execute("GRANT INSERT ON public.bench_floor TO " + EmbeddedDatabase.APP);
        }
    }

    /** Scanned as a component; the same condition, so it exists only where the floor is switched on. */
    @RestController
    @ConditionalOnProperty(name = "deelpoort.bench.floor", havingValue = "true")
    public static class Floor {
        private final JdbcClient jdbc;

        Floor(DataSource dataSource) {
            this.jdbc = JdbcClient.create(dataSource);
        }

        @PostMapping("/bench/floor")
        Map<String, Object> floor(@RequestBody Map<String, Object> body) {
            byte[] payload = new byte[ENTRY_BYTES];
            java.util.concurrent.ThreadLocalRandom.current().nextBytes(payload);
            jdbc.sql("INSERT INTO public.bench_floor (payload) VALUES (?)")
                    .param(payload)
                    .update();
            return Map.of("stored", payload.length, "fields", body.size());
        }
    }
}
