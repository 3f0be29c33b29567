package org.yaohao.command.access;

import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.command.application.SubmittedApplications;
import org.yaohao.command.web.Violations;
import org.yaohao.kernel.access.PersonalDataReadEvent;
import org.yaohao.kernel.application.ApplicationSubmittedEvent;
import org.yaohao.kernel.application.Person;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.security.Caller;

import java.time.Clock;
import java.util.List;

/**
 * The regulator's read of an application's personal data, unmasked: ID numbers, names, phones, the enterprise. Only
 * regulators may (see the access rules), and every read is first written to the event store as a
 * {@link PersonalDataReadEvent}; if that write fails, nothing is shown. The log is read at {@code GET /api/access-log}
 * and, like every event, cannot be erased through the system.
 */
@RestController
class PersonalDataController {

    record PersonView(String idNumber, String name, String phone, String relation) {
    }

    record EnterpriseView(String creditCode, String name) {
    }

    record PersonalDataView(String code, String kind, PersonView applicant, List<PersonView> members,
                            EnterpriseView enterprise) {
    }

    private final SubmittedApplications applications;
    private final EventGateway events;
    private final Clock clock;

    PersonalDataController(SubmittedApplications applications, EventGateway events, Clock clock) {
        this.applications = applications;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping(path = "/api/applications/{code}/personal-data", produces = MediaType.APPLICATION_JSON_VALUE)
    PersonalDataView read(@PathVariable String code) {
        Violations v = new Violations();
        ApplicationCode applicationCode = v.parse("code", code, ApplicationCode::new);
        v.throwIfAny();
        ApplicationSubmittedEvent submitted = applications.find(applicationCode).orElseThrow(() ->
                new DomainException(ErrorCode.APPLICATION_NOT_FOUND, "code", "no application has code " + code));
        Caller reader = Caller.current().orElseThrow(() -> new IllegalStateException("the access rules let nobody "
                + "read personal data without signing in"));
        events.publish(new PersonalDataReadEvent(applicationCode, reader.name(), reader.role().name(),
                clock.instant()));
        return new PersonalDataViewBuilder(submitted).build();
    }

    private record PersonalDataViewBuilder(ApplicationSubmittedEvent submitted) {

        PersonalDataView build() {
            return new PersonalDataView(submitted.code().value(), submitted.kind().name(),
                    person(submitted.applicant(), null),
                    submitted.members().stream().map(m -> person(m.person(), m.relation().name())).toList(),
                    submitted.enterprise() == null ? null : new EnterpriseView(
                            submitted.enterprise().creditCode().value(), submitted.enterprise().name()));
        }

        private static PersonView person(Person person, String relation) {
            return person == null ? null
                    : new PersonView(person.idNumber().value(), person.name(), person.phone(), relation);
        }
    }
}
