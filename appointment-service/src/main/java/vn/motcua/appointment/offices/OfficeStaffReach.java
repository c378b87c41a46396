package vn.motcua.appointment.offices;

import org.springframework.stereotype.Component;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;

/**
 * An office's own desk, roster and reception are run by the staff of its agency. Offices are public, so another agency's
 * officer is told 403, not 404; either comes before the body is read (ADR 0039), and each endpoint checks again.
 */
@Component
public class OfficeStaffReach implements ReachedFirst.Reach {
    private final Offices offices;

    OfficeStaffReach(Offices offices) {
        this.offices = offices;
    }

    @Override
    public void check(String officeId, Caller caller) {
        office(officeId, caller);
    }

    /** The office, when the caller is on the staff of its agency. */
    public Office office(String officeId, Caller caller) {
        Office office = offices.byId(officeId).orElseThrow(() -> ApiProblem.notFound("Office", officeId));
        if (!caller.worksFor(office.agency())) {
            throw ApiProblem.forbidden("Office " + officeId + " is run by the staff of " + office.agency());
        }
        return office;
    }
}
