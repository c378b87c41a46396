package vn.motcua.dossier.processing;

import java.util.Arrays;
import java.util.List;
import vn.motcua.dossier.core.Action;
import vn.motcua.kit.security.Role;

/**
 * The processing steps people take on a dossier, each with the roles that may take it: stated
 * here once, checked by {@link Lifecycle} and written into the API documentation from here.
 * Which statuses allow the step is the dossier's own rule ({@link Action}).
 */
public enum Step {
    RECEIVE(Action.RECEIVE, Role.OFFICER),
    REFUSE(Action.REFUSE, Role.OFFICER),
    ASSIGN(Action.ASSIGN, Role.OFFICER, Role.LEADER),
    REQUEST_SUPPLEMENT(Action.REQUEST_SUPPLEMENT, Role.SPECIALIST),
    REQUEST_FINANCIAL_OBLIGATION(Action.REQUEST_FINANCIAL_OBLIGATION, Role.SPECIALIST),
    APPROVE(Action.APPROVE, Role.LEADER),
    MARK_RESULT_READY(Action.MARK_RESULT_READY, Role.SPECIALIST, Role.OFFICER, Role.LEADER),
    RETURN_RESULT(Action.RETURN_RESULT, Role.OFFICER),
    STOP(Action.STOP, Role.LEADER, Role.SPECIALIST),
    EXTEND_DUE_DATE(Action.EXTEND_DUE_DATE, Role.OFFICER, Role.LEADER),
    /** By the dossier's owner. */
    SUPPLEMENT(Action.SUPPLEMENT, Role.CITIZEN),
    /** By the dossier's owner. */
    WITHDRAW(Action.WITHDRAW, Role.CITIZEN);

    private final Action action;
    private final List<Role> roles;

    Step(Action action, Role... roles) {
        this.action = action;
        this.roles = List.of(roles);
    }

    public Action action() {
        return action;
    }

    /** In order of preference: a caller with several is recorded in the first. */
    public List<Role> roles() {
        return roles;
    }

    public boolean byOwner() {
        return roles.equals(List.of(Role.CITIZEN));
    }

    public String rolesText() {
        return String.join(" or ", Arrays.stream(roles.toArray(Role[]::new)).map(Role::realmName).toList());
    }
}
