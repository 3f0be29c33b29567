package org.yaohao.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yaohao.kernel.common.District;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffUsersTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static SecurityProperties with(Map<String, SecurityProperties.UserEntry> users) {
        return new SecurityProperties(SecurityProperties.Mode.EMBEDDED, users, SecurityProperties.DEV_TOKEN_SECRET,
                Duration.ofMinutes(30), new SecurityProperties.OAuth2(null, null, "roles", "district", "name"));
    }

    @Test
    void theFirstStartCreatesAnAdministratorWhosePasswordOnlyTheOwnerCanRead(@TempDir Path data) throws Exception {
        StaffUsers users = StaffUsers.from(with(Map.of()), data, encoder);

        Path file = data.resolve(StaffUsers.INITIAL_ADMIN_FILE);
        String password = Files.readString(file).trim();
        assertThat(password).hasSize(24);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        StaffUser admin = (StaffUser) users.loadUserByUsername("admin");
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(encoder.matches(password, admin.getPassword())).isTrue();
        assertThat(admin.getPassword()).doesNotContain(password);

        StaffUser again = (StaffUser) StaffUsers.from(with(Map.of()), data, encoder).loadUserByUsername("admin");
        assertThat(encoder.matches(password, again.getPassword())).as("the same password after a restart").isTrue();
    }

    @Test
    void aConfiguredAdministratorReplacesTheFirstStartOne(@TempDir Path data) {
        StaffUsers users = StaffUsers.from(with(Map.of("ops", new SecurityProperties.UserEntry(
                encoder.encode("s3cret-ops"), Role.ADMIN, null))), data, encoder);

        assertThat(Files.exists(data.resolve(StaffUsers.INITIAL_ADMIN_FILE))).isFalse();
        assertThat(users.loadUserByUsername("ops").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_ADMIN");
    }

    @Test
    void refusesAPlainPassword(@TempDir Path data) {
        assertThatThrownBy(() -> StaffUsers.from(with(Map.of("c1", new SecurityProperties.UserEntry("{noop}secret",
                Role.REGULATOR, null))), data, encoder)).hasMessageContaining("password-hash");
        assertThatThrownBy(() -> StaffUsers.from(with(Map.of("c1", new SecurityProperties.UserEntry("secret",
                Role.REGULATOR, null))), data, encoder)).hasMessageContaining("password-hash");
    }

    @Test
    void aClerkNeedsADistrict(@TempDir Path data) {
        assertThatThrownBy(() -> StaffUsers.from(with(Map.of("c1", new SecurityProperties.UserEntry(
                encoder.encode("pw"), Role.CLERK, null))), data, encoder)).hasMessageContaining("district");
        StaffUser clerk = (StaffUser) StaffUsers.from(with(Map.of("c1", new SecurityProperties.UserEntry(
                encoder.encode("pw"), Role.CLERK, District.HAIDIAN))), data, encoder).loadUserByUsername("c1");
        assertThat(clerk.district()).isEqualTo(District.HAIDIAN);
    }
}
