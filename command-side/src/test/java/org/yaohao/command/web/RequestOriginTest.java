package org.yaohao.command.web;

import org.junit.jupiter.api.Test;
import org.yaohao.kernel.common.Channel;
import org.yaohao.kernel.common.District;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.MessageMetadata;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class RequestOriginTest {

    @Test
    void defaultsToTheWebsiteAndTheApplicant() {
        RequestOrigin origin = RequestOrigin.of(null, null, null);

        assertThat(origin).isEqualTo(new RequestOrigin(Channel.WEB, null, "applicant"));
        assertThat(origin.metaData()).containsEntry(MessageMetadata.CHANNEL, "WEB")
                .containsEntry(MessageMetadata.ACTING_USER, "applicant")
                .doesNotContainKey(MessageMetadata.DISTRICT);
    }

    @Test
    void recordsTheCounterItsDistrictAndTheClerk() {
        RequestOrigin origin = RequestOrigin.of("counter", "haidian", " clerk-07 ");

        assertThat(origin).isEqualTo(new RequestOrigin(Channel.COUNTER, District.HAIDIAN, "clerk-07"));
        assertThat(origin.metaData()).containsEntry(MessageMetadata.CHANNEL, "COUNTER")
                .containsEntry(MessageMetadata.DISTRICT, "HAIDIAN")
                .containsEntry(MessageMetadata.ACTING_USER, "clerk-07");
    }

    @Test
    void refusesTheCounterWithoutADistrict() {
        assertThat(violations("COUNTER", null, "clerk-07")).extracting(Violation::field, Violation::code)
                .containsExactly(tuple(RequestOrigin.DISTRICT_HEADER, ErrorCode.MISSING_FIELD));
    }

    @Test
    void refusesAnUnknownDistrict() {
        assertThat(violations("COUNTER", "PUDONG", "clerk-07")).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo(RequestOrigin.DISTRICT_HEADER);
            assertThat(v.code()).isEqualTo(ErrorCode.INVALID_VALUE);
            assertThat(v.detail()).contains("HAIDIAN");
        });
    }

    @Test
    void refusesADistrictOutsideTheCounterChannel() {
        assertThat(violations("APP", "HAIDIAN", null)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple(RequestOrigin.DISTRICT_HEADER, ErrorCode.INVALID_VALUE));
    }

    @Test
    void refusesAnUnknownChannel() {
        assertThat(violations("FAX", null, null)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple(RequestOrigin.CHANNEL_HEADER, ErrorCode.INVALID_VALUE));
    }

    @Test
    void refusesTheSystemChannelFromOutside() {
        assertThat(violations("SYSTEM", null, "system:prequalification")).extracting(Violation::field, Violation::code)
                .containsExactly(tuple(RequestOrigin.CHANNEL_HEADER, ErrorCode.INVALID_VALUE));
    }

    @Test
    void refusesAnOverlongActingUser() {
        assertThat(violations("WEB", null, "u".repeat(65))).extracting(Violation::field, Violation::code)
                .containsExactly(tuple(RequestOrigin.ACTING_USER_HEADER, ErrorCode.INVALID_VALUE));
    }

    private static List<Violation> violations(String channel, String district, String actingUser) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> RequestOrigin.of(channel, district, actingUser));
        assertThat(e).as("the origin is refused").isNotNull();
        return e.violations();
    }
}
