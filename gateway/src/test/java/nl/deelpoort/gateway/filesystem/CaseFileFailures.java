package nl.deelpoort.gateway.filesystem;

import nl.deelpoort.gateway.filesystem.CaseFileException.Failure;
import nl.deelpoort.policy.OrganisationId;

/** Tests elsewhere need the client's failures, which only this package makes. */
public final class CaseFileFailures {

    public static CaseFileException of(OrganisationId holder, Failure failure) {
        return new CaseFileException(
                holder, failure, "The case file system of " + holder + " failed: " + failure + ".");
    }

    private CaseFileFailures() {}
}
