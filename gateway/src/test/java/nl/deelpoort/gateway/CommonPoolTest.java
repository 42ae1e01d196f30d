package nl.deelpoort.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommonPoolTest {

    private final String before = System.getProperty(DeelpoortGateway.COMMON_POOL_PARALLELISM);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(DeelpoortGateway.COMMON_POOL_PARALLELISM);
        } else {
            System.setProperty(DeelpoortGateway.COMMON_POOL_PARALLELISM, before);
        }
    }

    @Test
    void oneCpuGetsACommonPoolOfTwo() {
        System.clearProperty(DeelpoortGateway.COMMON_POOL_PARALLELISM);
        DeelpoortGateway.commonPoolOfAtLeastTwo(1);
        assertThat(System.getProperty(DeelpoortGateway.COMMON_POOL_PARALLELISM)).isEqualTo("2");
    }

    @Test
    void anOperatorsSettingAndSeveralCpusAreLeftAlone() {
        System.setProperty(DeelpoortGateway.COMMON_POOL_PARALLELISM, "1");
        DeelpoortGateway.commonPoolOfAtLeastTwo(1);
        assertThat(System.getProperty(DeelpoortGateway.COMMON_POOL_PARALLELISM)).isEqualTo("1");
        System.clearProperty(DeelpoortGateway.COMMON_POOL_PARALLELISM);
        DeelpoortGateway.commonPoolOfAtLeastTwo(2);
        assertThat(System.getProperty(DeelpoortGateway.COMMON_POOL_PARALLELISM)).isNull();
    }
}
