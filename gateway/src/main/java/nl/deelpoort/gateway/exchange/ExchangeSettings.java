package nl.deelpoort.gateway.exchange;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the exchange feature ({@code deelpoort.exchange.*}; how often expired transfers are
 * removed is {@code housekeeping-interval}, read by {@link TransferHousekeeping}).
 *
 * @param keys transfer encryption keys by key id, each base64 of 32 bytes (AES-256); required outside
 *     the dev profile. Production sets
 *     them from a secret store, e.g. {@code DEELPOORT_EXCHANGE_KEYS_K2026=…}; every row records its
 *     key id, so a new key can become active while older rows stay readable until they are purged
 * @param activeKey the key id new transfers are sealed with; required outside the dev profile
 * @param dataDir dev profile only: without {@code keys}, one key is generated here on first start
 *     and reused (the local stack's and the tests' way); outside it {@code keys} are required
 * @param deliveredRetention how long a fetched transfer stays fetchable before it is purged
 * @param undeliveredExpiry how long a transfer waits for its recipient before it expires
 * @param maxDepth deepest nesting allowed inside a pushed section
 * @param maxStringLength longest string allowed inside a pushed section, in characters
 */
@ConfigurationProperties("deelpoort.exchange")
record ExchangeSettings(
        Map<String, String> keys,
        String activeKey,
        Path dataDir,
        Duration deliveredRetention,
        Duration undeliveredExpiry,
        Integer maxDepth,
        Integer maxStringLength) {

    ExchangeSettings {
        keys = keys != null ? Map.copyOf(keys) : Map.of();
        dataDir = dataDir != null ? dataDir : Path.of(".local-stack", "exchange-keys");
        deliveredRetention = deliveredRetention != null ? deliveredRetention : Duration.ofDays(7);
        undeliveredExpiry = undeliveredExpiry != null ? undeliveredExpiry : Duration.ofDays(30);
        maxDepth = maxDepth != null ? maxDepth : 16;
        maxStringLength = maxStringLength != null ? maxStringLength : 100_000;
    }
}
