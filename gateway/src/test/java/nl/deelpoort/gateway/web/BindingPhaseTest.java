package nl.deelpoort.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BindingPhaseTest {

    private static final String INVOCABLE = "org.springframework.web.method.support.InvocableHandlerMethod";

    @Test
    void thrownWhileResolvingTheHandlersArgumentsIsBinding() {
        assertThat(BindingPhase.threw(thrownAt(
                        frame("tools.jackson.databind.deser.BeanDeserializer", "deserialize"),
                        frame(
                                "org.springframework.web.method.support.HandlerMethodArgumentResolverComposite",
                                "resolveArgument"),
                        frame(INVOCABLE, "getMethodArgumentValues"),
                        frame(INVOCABLE, "invokeForRequest"))))
                .isTrue();
    }

    @Test
    void thrownByTheHandlerOrWhatItCallsIsABugNotBinding() {
        assertThat(BindingPhase.threw(thrownAt(
                        frame("nl.deelpoort.gateway.exchange.ExchangeRequests", "question"),
                        frame("nl.deelpoort.gateway.exchange.ExchangeController", "evaluate"),
                        frame("java.lang.reflect.Method", "invoke"),
                        frame(INVOCABLE, "doInvoke"),
                        frame(INVOCABLE, "invokeForRequest"))))
                .isFalse();
    }

    @Test
    void withoutAStackTraceItIsNotCalledBinding() {
        assertThat(BindingPhase.threw(thrownAt())).isFalse();
    }

    private static NullPointerException thrownAt(StackTraceElement... frames) {
        NullPointerException e = new NullPointerException();
        e.setStackTrace(frames);
        return e;
    }

    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, null, -1);
    }
}
