package nl.deelpoort.gateway.web;

/**
 * Tells whether an exception was thrown while Spring MVC bound the request to the handler's
 * arguments (reading the body, converting a path variable, resolving the caller), before any of our
 * code ran on it: then it says something about the request, and is a 4xx. Thrown later, from the
 * handler or what it calls, the same exception is a bug and stays a 500.
 */
final class BindingPhase {

    private static final String INVOCABLE = "org.springframework.web.method.support.InvocableHandlerMethod";

    /** The innermost handler-invocation frame is the argument resolution, not the call itself. */
    static boolean threw(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (INVOCABLE.equals(frame.getClassName())) {
                return "getMethodArgumentValues".equals(frame.getMethodName());
            }
        }
        return false;
    }

    private BindingPhase() {}
}
