package nl.deelpoort.gateway.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The problem detail for a bare HTTP status, for answers that have nothing more specific to say (the
 * error page, Spring's own 4xx, a detail withheld because it repeated request content): one of our
 * types, the status's reason phrase as title, and a fixed sentence. Nothing of the request is in it.
 */
final class StatusProblems {

    static ProblemDetail of(int status) {
        return ProblemException.problem(HttpStatusCode.valueOf(status), type(status), title(status), detail(status));
    }

    static URI type(int status) {
        return switch (status) {
            case 401 -> ProblemTypes.UNAUTHENTICATED;
            case 403 -> ProblemTypes.FORBIDDEN;
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 409 -> ProblemTypes.CONFLICT;
            case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case 422 -> ProblemTypes.INVALID_REQUEST;
            case 503 -> ProblemTypes.UNAVAILABLE;
            default -> status >= 500 ? ProblemTypes.INTERNAL : ProblemTypes.MALFORMED_REQUEST;
        };
    }

    static String detail(int status) {
        return switch (status) {
            case 401 -> "This call needs a bearer access token from the deelpoort realm.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not supported here; the Allow header lists the ones that are.";
            case 406 -> "The gateway cannot answer in a representation the request accepts.";
            case 409 -> "The request conflicts with what the gateway already holds.";
            case 413 -> "Request bodies may be at most 1 MiB.";
            case 415 -> "Send the body as application/json.";
            case 422 -> "The request breaks a rule of the contract.";
            case 503 -> "The gateway is temporarily unavailable. Try again later.";
            default ->
                status >= 500
                        ? "The gateway could not complete the request. Nothing was released."
                        : "The request could not be read.";
        };
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    private StatusProblems() {}
}
