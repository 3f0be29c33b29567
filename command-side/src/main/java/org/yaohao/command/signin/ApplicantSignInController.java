package org.yaohao.command.signin;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.command.application.SubmittedApplications;
import org.yaohao.command.notification.Notification;
import org.yaohao.command.notification.NotificationChannel;
import org.yaohao.command.notification.NotificationPort;
import org.yaohao.command.web.Violations;
import org.yaohao.kernel.application.Person;
import org.yaohao.kernel.application.RecordApplicantSignInCommand;
import org.yaohao.kernel.common.ApplicationCode;
import org.yaohao.kernel.common.DomainException;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.ResidentIdNumber;
import org.yaohao.security.ApplicantTokens;
import org.yaohao.security.RateLimitProperties;
import org.yaohao.security.RateLimiter;

import java.net.URI;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * An applicant signs in with their application code and ID number (the main applicant's, for a family); a one-time
 * code goes to the phone given in the application, through the notification port; confirming it with a device id gives
 * a token for that application only. A wrong code/ID pair and a wrong one-time code get the same 401, so the answer
 * does not tell whether an application exists. A sign-in from a new device alerts the applicant.
 */
@RestController
class ApplicantSignInController {

    record SignInRequest(String code, String idNumber) {
    }

    record ChallengeView(String challengeId, String sentTo, Instant expiresAt, String tokenUrl) {
    }

    record TokenRequest(String oneTimeCode, String deviceId) {
    }

    record TokenView(String token, String tokenType, Instant expiresAt, String applicationCode) {
    }

    private final SubmittedApplications applications;
    private final SignInChallenges challenges;
    private final NotificationPort notifications;
    private final ApplicantTokens tokens;
    private final CommandGateway commands;
    private final RateLimiter rateLimiter;
    private final RateLimitProperties limits;

    ApplicantSignInController(SubmittedApplications applications, SignInChallenges challenges,
                              NotificationPort notifications, ApplicantTokens tokens, CommandGateway commands,
                              RateLimiter rateLimiter, RateLimitProperties limits) {
        this.rateLimiter = rateLimiter;
        this.limits = limits;
        this.applications = applications;
        this.challenges = challenges;
        this.notifications = notifications;
        this.tokens = tokens;
        this.commands = commands;
    }

    @PostMapping(path = "/api/applicant-sessions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ChallengeView> signIn(@RequestBody SignInRequest request) {
        Violations v = new Violations();
        ApplicationCode code = v.parse("code", request.code(), ApplicationCode::new);
        ResidentIdNumber idNumber = v.parse("idNumber", request.idNumber(),
                ResidentIdNumber::new);
        v.throwIfAny();
        if (limits.enabled()) { // guessing ID numbers for one code: a few tries a minute, from anywhere
            rateLimiter.require("sign-in|code|" + code, limits.signInPerCode(), "code");
        }
        Person applicant = applications.find(code).map(submitted -> submitted.applicant())
                .filter(person -> person.idNumber().equals(idNumber) && person.phone() != null)
                .orElseThrow(() -> new DomainException(ErrorCode.SIGN_IN_FAILED, null,
                        "the application code and ID number do not match"));
        SignInChallenges.Opened challenge = challenges.open(code.value());
        notifications.deliver(new Notification("sign-in:" + challenge.challengeId(), NotificationChannel.SMS,
                applicant.phone(), "SIGN_IN_CODE", "Yaohao sign-in code " + challenge.oneTimeCode() + ", valid for "
                + SignInChallenges.VALIDITY_MINUTES + " minutes. Never tell anybody this code."));
        String tokenUrl = "/api/applicant-sessions/" + challenge.challengeId() + "/token";
        return ResponseEntity.created(URI.create(tokenUrl)).body(new ChallengeView(challenge.challengeId(),
                masked(applicant.phone()), challenge.expiresAt(), tokenUrl));
    }

    @PostMapping(path = "/api/applicant-sessions/{challengeId}/token", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    TokenView confirm(@PathVariable String challengeId, @RequestBody TokenRequest request) {
        Violations v = new Violations();
        String oneTimeCode = v.required("oneTimeCode", request.oneTimeCode());
        if (oneTimeCode != null && !oneTimeCode.matches("\\d{6}")) {
            v.add("oneTimeCode", ErrorCode.INVALID_VALUE, "'oneTimeCode' has 6 digits");
        }
        String deviceId = v.required("deviceId", request.deviceId());
        if (deviceId != null && (deviceId.isBlank() || deviceId.length() > 128)) {
            v.add("deviceId", ErrorCode.INVALID_VALUE, "'deviceId' has 1 to 128 characters");
        }
        v.throwIfAny();
        String code = challenges.confirm(challengeId, oneTimeCode).orElseThrow(() -> new DomainException(
                ErrorCode.SIGN_IN_FAILED, "oneTimeCode", "the one-time code is wrong or has expired; sign in again"));
        commands.sendAndWait(new RecordApplicantSignInCommand(new ApplicationCode(code),
                SignInChallenges.sha256Hex(deviceId)), 30, TimeUnit.SECONDS);
        ApplicantTokens.IssuedToken token = tokens.issue(code);
        return new TokenView(token.token(), "Bearer", token.expiresAt(), code);
    }

    /** The phone as shown back: first 3 and last 4 digits. */
    static String masked(String phone) {
        if (phone.length() <= 7) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
