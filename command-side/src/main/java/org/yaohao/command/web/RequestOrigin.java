package org.yaohao.command.web;

import org.axonframework.messaging.MetaData;
import org.yaohao.kernel.common.Channel;
import org.yaohao.kernel.common.District;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.MessageMetadata;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a request came from, read from the headers {@code X-Channel} (WEB, APP or COUNTER; default WEB),
 * {@code X-District} (one of the 16 districts, required for COUNTER) and {@code X-Acting-User} (default
 * {@code applicant}); recorded as metadata on the command and so on every event it causes.
 */
public record RequestOrigin(Channel channel, District district, String actingUser) {

    public static final String CHANNEL_HEADER = "X-Channel";
    public static final String DISTRICT_HEADER = "X-District";
    public static final String ACTING_USER_HEADER = "X-Acting-User";

    public static RequestOrigin of(String channel, String district, String actingUser) {
        Violations violations = new Violations();
        Channel parsedChannel = channel == null ? Channel.WEB
                : violations.parseEnum(CHANNEL_HEADER, channel, Channel.class, ErrorCode.INVALID_VALUE);
        if (parsedChannel == Channel.SYSTEM) {
            violations.add(CHANNEL_HEADER, ErrorCode.INVALID_VALUE, "'" + CHANNEL_HEADER
                    + "' must be WEB, APP or COUNTER");
        }
        District parsedDistrict = null;
        if (parsedChannel == Channel.COUNTER) {
            parsedDistrict = violations.parseEnum(DISTRICT_HEADER, district, District.class, ErrorCode.INVALID_VALUE);
        } else if (district != null) {
            violations.add(DISTRICT_HEADER, ErrorCode.INVALID_VALUE, "'" + DISTRICT_HEADER
                    + "' is only given for the COUNTER channel");
        }
        String user = actingUser == null || actingUser.isBlank() ? "applicant" : actingUser.trim();
        if (user.length() > 64) {
            violations.add(ACTING_USER_HEADER, ErrorCode.INVALID_VALUE, "'" + ACTING_USER_HEADER
                    + "' has at most 64 characters");
        }
        violations.throwIfAny();
        return new RequestOrigin(parsedChannel, parsedDistrict, user);
    }

    public MetaData metaData() {
        Map<String, Object> values = new HashMap<>();
        values.put(MessageMetadata.CHANNEL, channel.name());
        values.put(MessageMetadata.ACTING_USER, actingUser);
        if (district != null) {
            values.put(MessageMetadata.DISTRICT, district.name());
        }
        return MetaData.from(values);
    }
}
