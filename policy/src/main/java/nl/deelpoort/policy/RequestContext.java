package nl.deelpoort.policy;

/**
 * The request with its organisations resolved; the roles follow from which side the caller is on.
 * Organisations are {@code null} when unknown, which the first rule refuses.
 */
final class RequestContext {
    final DecisionRequest request;
    final Organisation caller;
    final Organisation holder;
    final Organisation recipient;
    /** The holder's role as fixed by the request, or {@code null} when any accepted role will do. */
    final ActingRole holderRole;

    final String subject;

    RequestContext(Framework framework, DecisionRequest request) {
        this.request = request;
        this.caller = framework.organisationOrNull(request.caller().organisation());
        this.holder = framework.organisationOrNull(request.holder());
        this.recipient = framework.organisationOrNull(request.recipient());
        this.holderRole = callerIsHolder()
                ? request.caller().actingRole()
                : request.holderRole().orElse(null);
        this.subject = request.subjectPseudonym().orElse(null);
    }

    boolean callerIsHolder() {
        return request.caller().organisation().equals(request.holder());
    }

    boolean callerIsRecipient() {
        return request.caller().organisation().equals(request.recipient());
    }
}
