package vn.motcua.kit.realm;

import java.util.List;

/**
 * A member of staff as the realm holds them.
 *
 * @param name family name then given name, or null
 * @param email or null
 * @param roles their effective realm roles; empty when looked up by username alone
 */
public record StaffMember(String username, String name, String email, List<String> roles) {
    public boolean has(String role) {
        return roles.contains(role);
    }
}
