package org.yaohao.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yaohao.kernel.common.District;

import java.util.Optional;

/**
 * Who is calling, as the rest of the system needs to know it: a name (a staff user name, or {@code applicant} for an
 * applicant), the role, the district of a clerk, the application an applicant's token is for.
 */
public record Caller(String name, Role role, District district, String applicationCode) {

    /** The caller of the current request; empty when nobody is signed in. */
    public static Optional<Caller> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<Caller> of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof StaffUser staff) {
            return Optional.of(new Caller(staff.getUsername(), staff.role(), staff.district(), null));
        }
        if (authentication instanceof CallerJwtAuthentication jwt) {
            return Optional.of(jwt.caller());
        }
        return Optional.empty();
    }

    public boolean is(Role other) {
        return role == other;
    }

    /** Whether this caller is the applicant of the application with this code. */
    public boolean ownsApplication(String code) {
        return role == Role.APPLICANT && applicationCode != null && applicationCode.equals(code);
    }
}
