package org.yaohao.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.yaohao.kernel.common.District;

import java.util.Collection;
import java.util.List;

/** A staff user from configuration: name, password hash, role and, for a clerk, the district of their counter. */
record StaffUser(String name, String passwordHash, Role role, District district) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return name;
    }

    @Override
    public String toString() {
        return "StaffUser[" + name + ", " + role + (district == null ? "" : ", " + district) + "]";
    }
}
