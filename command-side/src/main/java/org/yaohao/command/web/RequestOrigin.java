package org.yaohao.command.web;

import org.axonframework.messaging.MetaData;
import org.yaohao.kernel.common.Channel;
import org.yaohao.kernel.common.District;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.MessageMetadata;
import org.yaohao.security.Caller;
import org.yaohao.security.Role;

import java.util.HashMap;
import java.util.Map;

/**
 * Who acted and through which channel, derived from the signed-in caller; recorded as metadata on the command and so
 * on every event it causes. A clerk always acts at the counter of their own district under their own name. Anyone
 * else acts through {@code X-Channel} (WEB, the default, or APP); the counter is refused to them (403). Applicants
 * and anonymous callers act as {@code applicant}, staff under their user name. {@code X-District} and
 * {@code X-Acting-User} are no longer needed; when given, they must agree with the caller.
 */
public record RequestOrigin(Channel channel, District district, String actingUser, String actingRole) {

    public static final String CHANNEL_HEADER = "X-Channel";
    public static final String DISTRICT_HEADER = "X-District";
    public static final String ACTING_USER_HEADER = "X-Acting-User";
    /** The acting role of a caller who did not sign in. */
    public static final String ANONYMOUS = "ANONYMOUS";

    /**
     * @param caller     the signed-in caller, or null
     * @param channel    the {@code X-Channel} header, or null
     * @param district   the {@code X-District} header, or null
     * @param actingUser the {@code X-Acting-User} header, or null
     */
    public static RequestOrigin of(Caller caller, String channel, String district, String actingUser) {
        Violations violations = new Violations();
        Channel parsedChannel = channel == null ? null
                : violations.parseEnum(CHANNEL_HEADER, channel, Channel.class, ErrorCode.INVALID_VALUE);
        District parsedDistrict = district == null ? null
                : violations.parseEnum(DISTRICT_HEADER, district, District.class, ErrorCode.INVALID_VALUE);
        violations.throwIfAny();
        boolean clerk = caller != null && caller.is(Role.CLERK);
        if (parsedChannel == Channel.SYSTEM || clerk && parsedChannel != null && parsedChannel != Channel.COUNTER) {
            violations.add(CHANNEL_HEADER, ErrorCode.INVALID_VALUE, clerk
                    ? "'" + CHANNEL_HEADER + "' of a clerk is COUNTER" : "'" + CHANNEL_HEADER + "' must be WEB or APP");
        }
        violations.throwIfAny();
        if (!clerk && parsedChannel == Channel.COUNTER) {
            throw new DomainException(ErrorCode.COUNTER_CHANNEL_REQUIRES_CLERK, CHANNEL_HEADER,
                    "only a signed-in clerk acts through the COUNTER channel");
        }
        if (clerk && parsedDistrict != null && parsedDistrict != caller.district()) {
            throw new DomainException(ErrorCode.COUNTER_CHANNEL_REQUIRES_CLERK, DISTRICT_HEADER,
                    "the signed-in clerk works at the " + caller.district() + " counter");
        }
        if (!clerk && parsedDistrict != null) {
            violations.add(DISTRICT_HEADER, ErrorCode.INVALID_VALUE, "'" + DISTRICT_HEADER
                    + "' is only given for the COUNTER channel");
        }
        String user = caller == null || caller.is(Role.APPLICANT) ? "applicant" : caller.name();
        if (actingUser != null && !actingUser.isBlank() && !actingUser.trim().equals(user)) {
            violations.add(ACTING_USER_HEADER, ErrorCode.INVALID_VALUE, "'" + ACTING_USER_HEADER
                    + "' is the signed-in user; leave it out");
        }
        violations.throwIfAny();
        String role = caller == null || caller.role() == null ? ANONYMOUS : caller.role().name();
        return clerk ? new RequestOrigin(Channel.COUNTER, caller.district(), user, role)
                : new RequestOrigin(parsedChannel == null ? Channel.WEB : parsedChannel, null, user, role);
    }

    public MetaData metaData() {
        Map<String, Object> values = new HashMap<>();
        values.put(MessageMetadata.CHANNEL, channel.name());
        values.put(MessageMetadata.ACTING_USER, actingUser);
        values.put(MessageMetadata.ACTING_ROLE, actingRole);
        if (district != null) {
            values.put(MessageMetadata.DISTRICT, district.name());
        }
        return MetaData.from(values);
    }
}
