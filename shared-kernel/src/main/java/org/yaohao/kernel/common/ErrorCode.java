package org.yaohao.kernel.common;

/**
 * Every reason a request can be refused, with a stable identifier used as the problem {@code type}.
 * Codes never change meaning once published.
 */
public enum ErrorCode {
    MALFORMED_REQUEST(ErrorCategory.VALIDATION, "The request body is not well-formed JSON of the expected shape"),
    UNKNOWN_FIELD(ErrorCategory.VALIDATION, "The request names a field this resource does not have"),
    MISSING_FIELD(ErrorCategory.VALIDATION, "A required field is missing"),
    INVALID_VALUE(ErrorCategory.VALIDATION, "A field has a value outside its allowed set or format"),
    ID_NUMBER_FORMAT(ErrorCategory.VALIDATION, "An ID number has 18 characters: 17 digits and a check digit or X"),
    ID_NUMBER_CHECK_DIGIT(ErrorCategory.VALIDATION, "An ID number's check character must match GB 11643"),
    CREDIT_CODE_FORMAT(ErrorCategory.VALIDATION, "A unified social credit code has 18 characters of the GB 32100 alphabet"),
    CREDIT_CODE_CHECK_CHARACTER(ErrorCategory.VALIDATION, "A unified social credit code's check character must match GB 32100"),
    APPLICATION_CODE_FORMAT(ErrorCategory.VALIDATION, "An application code has 13 digits"),
    APPLICATION_CODE_CHECK_DIGIT(ErrorCategory.VALIDATION, "An application code's check digit must match"),
    MONEY_NEGATIVE(ErrorCategory.VALIDATION, "An amount of money cannot be negative"),
    ROUND_ID_FORMAT(ErrorCategory.VALIDATION, "A round id is <year>-ORD-<nn> or <year>-NEV-<nn>"),
    DEPOSIT_ID_FORMAT(ErrorCategory.VALIDATION, "A deposit id is <application code>-<round id>"),
    AMOUNT_NOT_POSITIVE(ErrorCategory.VALIDATION, "An amount paid is a positive whole number of fen"),
    FIELD_NOT_ALLOWED_FOR_KIND(ErrorCategory.VALIDATION, "The field does not belong to this kind of application"),
    QUOTA_ID_FORMAT(ErrorCategory.VALIDATION, "A quota id is <round id>-<application code>[-<n>]"),
    VIN_FORMAT(ErrorCategory.VALIDATION, "A VIN has 17 characters: digits and capital letters except I, O and Q"),
    VIN_CHECK_DIGIT(ErrorCategory.VALIDATION, "A VIN's 9th character must be its ISO 3779 check digit"),
    PLATE_NUMBER_FORMAT(ErrorCategory.VALIDATION, "A Beijing plate is 京, a letter and 5 letters or digits (new-energy: 6)"),

    FAMILY_TOO_SMALL(ErrorCategory.RULE, "A family application has a main applicant and at least one member"),
    FAMILY_MEMBER_DUPLICATE(ErrorCategory.RULE, "A person may appear only once in an application"),
    FAMILY_TWO_SPOUSES(ErrorCategory.RULE, "A family has at most one spouse of the main applicant"),
    FAMILY_RELATION_NOT_ALLOWED(ErrorCategory.RULE, "A member is the main applicant's spouse, child, parent or parent-in-law"),
    FAMILY_GENERATIONS_MISMATCH(ErrorCategory.RULE, "The generations stated do not match the members' relations"),
    ENTERPRISE_TAX_BELOW_MINIMUM(ErrorCategory.RULE, "An enterprise must have paid at least the policy's minimum tax in the previous year"),
    ENTERPRISE_QUOTAS_OUT_OF_RANGE(ErrorCategory.RULE, "An enterprise requests between 1 and the policy's maximum number of quotas"),
    ROUND_TYPE_MISMATCH(ErrorCategory.RULE, "A deposit is for a round of the application's quota type"),
    PAYMENT_EXCEEDS_AMOUNT_DUE(ErrorCategory.RULE, "A payment may not exceed what is still due on the deposit"),
    ROUND_NOT_IN_POLICY(ErrorCategory.RULE, "A round is scheduled only from the active policy's plan"),
    CUT_OFF_NOT_REACHED(ErrorCategory.RULE, "A pool is frozen only at or after the round's cut-off"),
    SEED_MISMATCH(ErrorCategory.RULE, "The revealed seed must hash (SHA-256) to the committed value"),
    SEED_FORMAT(ErrorCategory.VALIDATION, "A seed is 32 bytes as 64 hex characters; a commitment is a SHA-256 in 64 hex characters"),
    QUOTA_TYPE_UNCHANGED(ErrorCategory.RULE, "The application already has this quota type"),
    QUOTA_EXTENSIONS_EXHAUSTED(ErrorCategory.RULE, "A quota is extended at most 3 times"),
    EXTENSION_FEE_MISMATCH(ErrorCategory.RULE, "An extension's fee is 300 yuan, paid in one payment"),
    REGISTRATION_OUTSIDE_VALIDITY(ErrorCategory.RULE, "A car is registered against a quota on a day within its validity, not in the future"),
    REGISTRANT_NOT_HOLDER(ErrorCategory.RULE, "A car is registered to the quota's holder (the applicant, a family member named, or the enterprise)"),
    PLATE_TYPE_MISMATCH(ErrorCategory.RULE, "A new-energy quota takes a new-energy plate (6 characters after the letter), an ordinary quota an ordinary one (5)"),

    ACTIVE_APPLICATION_EXISTS(ErrorCategory.CONFLICT, "A person or enterprise may be in at most one active application"),
    APPLICATION_WITHDRAWN(ErrorCategory.CONFLICT, "The application has been withdrawn; nothing more can be done with it"),
    APPLICATION_REJECTED(ErrorCategory.CONFLICT, "The application was rejected at pre-qualification"),
    PREQUALIFICATION_ALREADY_DECIDED(ErrorCategory.CONFLICT, "The application's pre-qualification has already been decided"),

    DEPOSIT_EXISTS(ErrorCategory.CONFLICT, "The application already has a deposit for this round"),
    DEPOSIT_ALREADY_PAID(ErrorCategory.CONFLICT, "The deposit is already paid in full"),
    DEPOSIT_CLOSED(ErrorCategory.CONFLICT, "The deposit has been refunded, converted, carried over or cancelled"),
    DEPOSIT_NOT_REFUNDABLE(ErrorCategory.CONFLICT, "The deposit is not in a state that allows this"),
    REFUND_NOT_SCHEDULED(ErrorCategory.CONFLICT, "No refund of this payment is scheduled"),
    ROUND_EXISTS(ErrorCategory.CONFLICT, "The round is already scheduled"),
    ROUND_WRONG_STATE(ErrorCategory.CONFLICT, "The round is not at the step this command belongs to"),
    ROUND_NOT_FOUND(ErrorCategory.NOT_FOUND, "No round has this id"),
    POOL_NOT_FOUND(ErrorCategory.NOT_FOUND, "The round has no frozen pool of this name"),
    DEPOSIT_NOT_FOUND(ErrorCategory.NOT_FOUND, "No deposit has this id"),
    APPLICATION_NOT_FOUND(ErrorCategory.NOT_FOUND, "No application has this code"),
    STATISTIC_NOT_FOUND(ErrorCategory.NOT_FOUND, "No statistics table or chart has this name"),
    QUOTA_EXPIRED(ErrorCategory.CONFLICT, "The quota's validity has ended; it can no longer be extended or used"),
    QUOTA_USED(ErrorCategory.CONFLICT, "A car is already registered against the quota"),
    QUOTA_REVOKED(ErrorCategory.CONFLICT, "The quota was revoked by the regulator"),
    EXTENSION_NOT_PENDING(ErrorCategory.CONFLICT, "No extension of the quota awaits this fee (it was paid, or it lapsed unpaid)"),
    QUOTA_NOT_FOUND(ErrorCategory.NOT_FOUND, "No quota has this id"),
    NOTICE_NOT_FOUND(ErrorCategory.NOT_FOUND, "No confirmation notice has this verification code"),
    DRAW_NOT_FOUND(ErrorCategory.NOT_FOUND, "The event log holds no draw of this round and pool"),
    PROJECTION_NOT_FOUND(ErrorCategory.NOT_FOUND, "No projection has this name"),
    REBUILD_RUNNING(ErrorCategory.CONFLICT, "A rebuild of this projection is already running"),

    AUTHENTICATION_REQUIRED(ErrorCategory.AUTHENTICATION, "This resource needs a signed-in caller with valid credentials"),
    SIGN_IN_FAILED(ErrorCategory.AUTHENTICATION, "The application code and ID number, or the one-time code, do not match"),
    ACCESS_DENIED(ErrorCategory.PERMISSION, "The caller's role does not allow this on this resource"),
    COUNTER_CHANNEL_REQUIRES_CLERK(ErrorCategory.PERMISSION, "Only a signed-in clerk acts at a district counter, in the clerk's own district"),
    IDEMPOTENCY_KEY_REUSED(ErrorCategory.RULE, "An Idempotency-Key names one request; it cannot be reused for another"),
    IDEMPOTENT_REQUEST_IN_PROGRESS(ErrorCategory.CONFLICT, "The first request with this Idempotency-Key has not finished yet"),
    TOO_MANY_REQUESTS(ErrorCategory.RATE_LIMIT, "Too many requests from this client or for this application code; wait and retry");

    private final ErrorCategory category;
    private final String rule;

    ErrorCode(ErrorCategory category, String rule) {
        this.category = category;
        this.rule = rule;
    }

    public ErrorCategory category() {
        return category;
    }

    /** The rule, in words, as shown in a problem's {@code title}. */
    public String rule() {
        return rule;
    }

    /** The problem {@code type}: a stable, resolvable-looking identifier. */
    public String type() {
        return "https://yaohao.example/problems/" + name().toLowerCase().replace('_', '-');
    }
}
