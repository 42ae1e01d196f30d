package nl.deelpoort.gateway.exchange;

import nl.deelpoort.gateway.startup.DevProfile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class ExchangeConfiguration {

    /** Outside the dev profile the keys must be configured; only dev generates one. */
    @Bean
    TransferCipher transferCipher(ExchangeSettings settings, Environment environment) {
        return TransferCipher.from(settings, DevProfile.active(environment));
    }
}
