package nl.deelpoort.gateway.exchange;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExchangeConfiguration {

    @Bean
    TransferCipher transferCipher(ExchangeSettings settings) {
        return TransferCipher.from(settings);
    }
}
