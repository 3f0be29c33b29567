package org.yaohao.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.yaohao.kernel.common.District;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A verified JWT as a {@link Caller}: an applicant token of Yaohao (role APPLICANT, one application), or a staff token
 * of the issuer, whose roles, district and name are in the claims named by {@code yaohao.security.oauth2.*}.
 */
final class CallerJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.OAuth2 claims;

    CallerJwtConverter(SecurityProperties.OAuth2 claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        if (ApplicantTokens.ISSUER.equals(jwt.getClaimAsString("iss"))) {
            String code = jwt.getClaimAsString(ApplicantTokens.APPLICATION_CLAIM);
            return new CallerJwtAuthentication(jwt, List.of(new SimpleGrantedAuthority(Role.APPLICANT.authority())),
                    new Caller("applicant", Role.APPLICANT, null, code));
        }
        List<Role> roles = roles(jwt);
        Role role = roles.stream().filter(r -> r != Role.APPLICANT).min(Enum::compareTo).orElse(null);
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        roles.stream().filter(r -> r != Role.APPLICANT)
                .forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        String name = jwt.getClaimAsString(claims.nameClaim());
        if (name == null || name.isBlank()) {
            name = jwt.getSubject();
        }
        District district = null;
        String districtName = jwt.getClaimAsString(claims.districtClaim());
        if (role == Role.CLERK) {
            district = Arrays.stream(District.values()).filter(d -> d.name().equals(districtName)).findFirst()
                    .orElse(null);
            if (district == null) { // a clerk without a district cannot act at any counter
                authorities.clear();
                role = null;
            }
        }
        return new CallerJwtAuthentication(jwt, authorities, new Caller(name, role, district, null));
    }

    private List<Role> roles(Jwt jwt) {
        Object value = jwt.getClaims().get(claims.rolesClaim());
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> names.add(String.valueOf(v)));
        } else if (value instanceof String text) {
            names.addAll(Arrays.asList(text.split("[ ,]+")));
        }
        return names.stream().flatMap(n -> Arrays.stream(Role.values()).filter(r -> r.name().equalsIgnoreCase(n)))
                .distinct().toList();
    }
}
