package nl.deelpoort.gateway.exchange;

import java.time.Clock;
import javax.sql.DataSource;
import nl.deelpoort.gateway.logstore.DisclosureLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExchangeConfiguration {

    @Bean
    TransferCipher transferCipher(ExchangeSettings settings) {
        return TransferCipher.from(settings);
    }

    @Bean
    Transfers transfers(DataSource dataSource, TransferCipher transferCipher) {
        return new Transfers(dataSource, transferCipher);
    }

    @Bean
    TransferHousekeeping transferHousekeeping(
            DataSource dataSource, DisclosureLog disclosureLog, ExchangeSettings settings, Clock clock) {
        return new TransferHousekeeping(dataSource, disclosureLog, settings, clock);
    }
}
