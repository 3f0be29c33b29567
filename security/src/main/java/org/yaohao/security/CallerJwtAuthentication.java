package org.yaohao.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;

/** A caller authenticated by a JWT (an applicant token or a staff token of the issuer), with what it says of them. */
final class CallerJwtAuthentication extends JwtAuthenticationToken {

    private final transient Caller caller;

    CallerJwtAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
        super(jwt, authorities, caller.name());
        this.caller = caller;
    }

    Caller caller() {
        return caller;
    }
}
