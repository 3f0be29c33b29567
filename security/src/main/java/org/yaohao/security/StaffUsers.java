package org.yaohao.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The staff users of the embedded mode, from configuration ({@code yaohao.security.users.<name>.*}), with hashed
 * passwords only. When no administrator is configured, the first start creates one: user {@code admin}, with a random
 * password written to {@code <data-dir>/initial-admin-password} (readable by the owner only) and never logged; later
 * starts read the same file.
 */
final class StaffUsers implements UserDetailsService {

    static final String INITIAL_ADMIN = "admin";
    static final String INITIAL_ADMIN_FILE = "initial-admin-password";
    private static final Logger log = LoggerFactory.getLogger(StaffUsers.class);
    private static final Set<String> HASH_IDS = Set.of("{bcrypt}", "{argon2}", "{pbkdf2}", "{scrypt}");

    private final Map<String, StaffUser> users;

    private StaffUsers(Map<String, StaffUser> users) {
        this.users = Map.copyOf(users);
    }

    static StaffUsers from(SecurityProperties properties, Path dataDir, PasswordEncoder encoder) {
        Map<String, StaffUser> users = new HashMap<>();
        properties.users().forEach((name, entry) -> users.put(name, user(name, entry)));
        if (users.values().stream().noneMatch(u -> u.role() == Role.ADMIN)) {
            String password = initialAdminPassword(dataDir);
            users.put(INITIAL_ADMIN, new StaffUser(INITIAL_ADMIN, encoder.encode(password), Role.ADMIN, null));
        }
        return new StaffUsers(users);
    }

    private static StaffUser user(String name, SecurityProperties.UserEntry entry) {
        String where = "yaohao.security.users." + name;
        if (entry.role() == null) {
            throw new IllegalStateException(where + ".role is missing (one of ADMIN, REGULATOR, CLERK, ANALYST)");
        }
        if (entry.role() == Role.APPLICANT) {
            throw new IllegalStateException(where + ".role: applicants sign in with their application code, not as users");
        }
        if (entry.role() == Role.CLERK && entry.district() == null) {
            throw new IllegalStateException(where + ".district is missing: a clerk works at one district's counter");
        }
        String hash = entry.passwordHash();
        if (hash != null && hash.matches("\\$2[aby]\\$.*")) {
            hash = "{bcrypt}" + hash;
        }
        if (hash == null || HASH_IDS.stream().noneMatch(hash::startsWith)) {
            throw new IllegalStateException(where + ".password-hash must be a password hash ({bcrypt}…, {argon2}…, "
                    + "{pbkdf2}… or {scrypt}…), never the password itself");
        }
        return new StaffUser(name, hash, entry.role(), entry.role() == Role.CLERK ? entry.district() : null);
    }

    private static String initialAdminPassword(Path dataDir) {
        Path file = dataDir.resolve(INITIAL_ADMIN_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(dataDir);
            String password = randomPassword();
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
            log.warn("First start: the administrator is '{}', with the password in {} (no administrator is configured "
                    + "under yaohao.security.users)", INITIAL_ADMIN, file.toAbsolutePath());
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the first-start administrator's password file " + file, e);
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        StaffUser user = users.get(name);
        if (user == null) {
            throw new UsernameNotFoundException("no such user");
        }
        return user;
    }
}
