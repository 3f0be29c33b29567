package org.yaohao.command.web;

import org.junit.jupiter.api.Test;
import org.yaohao.kernel.common.Channel;
import org.yaohao.kernel.common.District;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.MessageMetadata;
import org.yaohao.security.Caller;
import org.yaohao.security.Role;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class RequestOriginTest {

    private static final Caller CLERK = new Caller("clerk-07", Role.CLERK, District.HAIDIAN, null);
    private static final Caller APPLICANT = new Caller("applicant", Role.APPLICANT, null, "2643806522199");
    private static final Caller ADMIN = new Caller("ops-1", Role.ADMIN, null, null);

    @Test
    void anAnonymousCallerActsAsTheApplicantOnTheWebsite() {
        RequestOrigin origin = RequestOrigin.of(null, null, null, null);

        assertThat(origin).isEqualTo(new RequestOrigin(Channel.WEB, null, "applicant", "ANONYMOUS"));
        assertThat(origin.metaData()).containsEntry(MessageMetadata.CHANNEL, "WEB")
                .containsEntry(MessageMetadata.ACTING_USER, "applicant")
                .containsEntry(MessageMetadata.ACTING_ROLE, "ANONYMOUS")
                .doesNotContainKey(MessageMetadata.DISTRICT);
    }

    @Test
    void aSignedInApplicantMayUseTheApp() {
        assertThat(RequestOrigin.of(APPLICANT, "app", null, null))
                .isEqualTo(new RequestOrigin(Channel.APP, null, "applicant", "APPLICANT"));
    }

    @Test
    void aClerkIsRecordedAtTheCounterOfTheirDistrictWithoutAnyHeader() {
        RequestOrigin origin = RequestOrigin.of(CLERK, null, null, null);

        assertThat(origin).isEqualTo(new RequestOrigin(Channel.COUNTER, District.HAIDIAN, "clerk-07", "CLERK"));
        assertThat(origin.metaData()).containsEntry(MessageMetadata.CHANNEL, "COUNTER")
                .containsEntry(MessageMetadata.DISTRICT, "HAIDIAN")
                .containsEntry(MessageMetadata.ACTING_USER, "clerk-07")
                .containsEntry(MessageMetadata.ACTING_ROLE, "CLERK");
    }

    @Test
    void headersThatAgreeWithTheClerkAreAccepted() {
        assertThat(RequestOrigin.of(CLERK, "counter", "haidian", " clerk-07 "))
                .isEqualTo(new RequestOrigin(Channel.COUNTER, District.HAIDIAN, "clerk-07", "CLERK"));
    }

    @Test
    void aClerkCannotClaimAnotherDistrict() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> RequestOrigin.of(CLERK, "COUNTER", "CHAOYANG", null));
        assertThat(e.details().code()).isEqualTo(ErrorCode.COUNTER_CHANNEL_REQUIRES_CLERK);
        assertThat(e.details().field()).isEqualTo(RequestOrigin.DISTRICT_HEADER);
    }

    @Test
    void onlyAClerkActsAtTheCounter() {
        for (Caller caller : new Caller[]{null, APPLICANT, ADMIN}) {
            DomainException e = catchThrowableOfType(DomainException.class,
                    () -> RequestOrigin.of(caller, "COUNTER", "HAIDIAN", null));
            assertThat(e).as("COUNTER for %s", caller).isNotNull();
            assertThat(e.details().code()).isEqualTo(ErrorCode.COUNTER_CHANNEL_REQUIRES_CLERK);
            assertThat(e.details().field()).isEqualTo(RequestOrigin.CHANNEL_HEADER);
        }
    }

    @Test
    void nobodyCanActUnderAnotherName() {
        assertThat(violations(CLERK, null, null, "clerk-08")).extracting(Violation::field, Violation::code)
                .containsExactly(tuple(RequestOrigin.ACTING_USER_HEADER, ErrorCode.INVALID_VALUE));
        assertThat(violations(null, null, null, "clerk-07")).extracting(Violation::field, Violation::code)
                .containsExactly(tuple(RequestOrigin.ACTING_USER_HEADER, ErrorCode.INVALID_VALUE));
    }

    @Test
    void staffActUnderTheirOwnName() {
        assertThat(RequestOrigin.of(ADMIN, null, null, null))
                .isEqualTo(new RequestOrigin(Channel.WEB, null, "ops-1", "ADMIN"));
    }

    @Test
    void refusesAnUnknownDistrict() {
        assertThat(violations(CLERK, "COUNTER", "PUDONG", null)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo(RequestOrigin.DISTRICT_HEADER);
            assertThat(v.code()).isEqualTo(ErrorCode.INVALID_VALUE);
            assertThat(v.detail()).contains("HAIDIAN");
        });
    }

    @Test
    void refusesADistrictOutsideTheCounterChannel() {
        assertThat(violations(APPLICANT, "APP", "HAIDIAN", null)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple(RequestOrigin.DISTRICT_HEADER, ErrorCode.INVALID_VALUE));
    }

    @Test
    void refusesAnUnknownChannel() {
        assertThat(violations(null, "FAX", null, null)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple(RequestOrigin.CHANNEL_HEADER, ErrorCode.INVALID_VALUE));
    }

    @Test
    void refusesTheSystemChannelFromOutside() {
        assertThat(violations(ADMIN, "SYSTEM", null, null)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple(RequestOrigin.CHANNEL_HEADER, ErrorCode.INVALID_VALUE));
    }

    @Test
    void aClerkDoesNotActOnTheWebsite() {
        assertThat(violations(CLERK, "WEB", null, null)).extracting(Violation::field, Violation::code)
                .containsExactly(tuple(RequestOrigin.CHANNEL_HEADER, ErrorCode.INVALID_VALUE));
    }

    private static List<Violation> violations(Caller caller, String channel, String district, String actingUser) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> RequestOrigin.of(caller, channel, district, actingUser));
        assertThat(e).as("the origin is refused").isNotNull();
        return e.violations();
    }
}
