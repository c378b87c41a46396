package vn.motcua.dossier.processing;

import java.util.List;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;

/**
 * The processing steps people take on a dossier, each with the roles that may take it: stated
 * here once, checked by {@link Lifecycle} and written into the API documentation from here.
 * Which statuses allow the step is the dossier's own rule ({@code core.Action}).
 */
public enum Step {
    RECEIVE(Role.OFFICER),
    REFUSE(Role.OFFICER),
    /** Form 02 at reception: the dossier is incomplete. */
    REQUEST_INTAKE_SUPPLEMENT(Role.OFFICER),
    ASSIGN(Role.OFFICER, Role.LEADER),
    REQUEST_SUPPLEMENT(Role.SPECIALIST),
    REQUEST_FINANCIAL_OBLIGATION(Role.SPECIALIST),
    /** The draft result to the agency's leaders, for their approval. */
    REQUEST_APPROVAL(Role.SPECIALIST),
    APPROVE(Role.LEADER),
    /** The draft result back to its specialist, with what to revise. */
    REQUEST_REVISION(Role.LEADER),
    MARK_RESULT_READY(Role.SPECIALIST, Role.OFFICER, Role.LEADER),
    RETURN_RESULT(Role.OFFICER),
    STOP(Role.LEADER, Role.SPECIALIST),
    EXTEND_DUE_DATE(Role.OFFICER, Role.LEADER),
    /** By the dossier's owner, or the portal that submitted it for them. */
    SUPPLEMENT(true, Role.CITIZEN, Role.PORTAL),
    /** By the dossier's owner, or the portal that submitted it for them. */
    WITHDRAW(true, Role.CITIZEN, Role.PORTAL);

    private final List<Role> roles;
    private final boolean byOwner;

    Step(Role... roles) {
        this(false, roles);
    }

    Step(boolean byOwner, Role... roles) {
        this.byOwner = byOwner;
        this.roles = List.of(roles);
    }

    /** In order of preference: a caller with several is recorded in the first. */
    public List<Role> roles() {
        return roles;
    }

    public boolean byOwner() {
        return byOwner;
    }

    /**
     * @return the role the caller takes this step in, the first of {@link #roles()} it has
     * @throws ApiProblem 403 when it has none
     */
    public Role roleOf(Caller caller) {
        return roles.stream().filter(caller::has).findFirst().orElseThrow(() -> ApiProblem.forbidden(
                "Only " + rolesText() + " may take the step " + name().toLowerCase() + " on a dossier"));
    }

    public String rolesText() {
        return String.join(" or ", roles.stream().map(Role::realmName).toList());
    }
}
