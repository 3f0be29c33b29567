package org.yaohao.command.payment;

import com.fasterxml.jackson.databind.JsonNode;
import org.yaohao.command.web.Violations;
import org.yaohao.kernel.common.ErrorCode;
import org.yaohao.kernel.common.MoneyFen;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The field rules shared by the payment endpoints. Each records a violation naming the field and the rule and
 * returns null, never echoing the value (an account is personal data).
 */
final class PaymentFields {

    /** A gateway's reference: 1 to 64 letters, digits, {@code . _ : -}. */
    static final String REFERENCE = "[A-Za-z0-9._:-]{1,64}";
    /** An account as the payer gives it: 4 to 34 letters and digits (a card number, an IBAN-like id, ...). */
    static final String ACCOUNT = "[A-Za-z0-9]{4,34}";
    /** An account as the gateway shows it: masked, so it contains {@code *}. */
    static final String MASKED_ACCOUNT = "[A-Za-z0-9*@._-]{2,40}";

    private PaymentFields() {
    }

    /**
     * A positive whole number of fen. Read as a JSON node, so a fractional ({@code 666.67}) or quoted amount is
     * refused by name instead of being truncated by Jackson's {@code ACCEPT_FLOAT_AS_INT}.
     */
    static MoneyFen amountFen(Violations v, String field, JsonNode raw) {
        if (raw == null || raw.isNull()) {
            v.required(field, null);
            return null;
        }
        if (!raw.isIntegralNumber() || !raw.canConvertToLong() || raw.longValue() <= 0) {
            v.add(field, ErrorCode.AMOUNT_NOT_POSITIVE, "'" + field
                    + "' is a positive whole number of fen (66667 for 666.67 yuan)");
            return null;
        }
        return MoneyFen.ofFen(raw.longValue());
    }

    static PaymentMethod method(Violations v, String field, String raw) {
        return v.parseEnum(field, raw, PaymentMethod.class, ErrorCode.INVALID_VALUE);
    }

    static String account(Violations v, String field, String raw) {
        if (v.required(field, raw) == null) {
            return null;
        }
        return v.optionalMatching(field, raw, ACCOUNT, "has 4 to 34 letters and digits");
    }

    static String maskedAccount(Violations v, String field, String raw) {
        if (v.required(field, raw) == null) {
            return null;
        }
        if (!raw.matches(MASKED_ACCOUNT) || raw.indexOf('*') < 0) {
            v.add(field, ErrorCode.INVALID_VALUE, "'" + field
                    + "' is the account as masked by the gateway: 2 to 40 letters, digits, '*@._-', at least one '*'");
            return null;
        }
        return raw;
    }

    static String reference(Violations v, String field, String raw) {
        if (v.required(field, raw) == null) {
            return null;
        }
        return v.optionalMatching(field, raw, REFERENCE, "has 1 to 64 letters, digits, '.', '_', ':' or '-'");
    }

    static Instant instant(Violations v, String field, String raw) {
        if (v.required(field, raw) == null) {
            return null;
        }
        try {
            return Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            v.add(field, ErrorCode.INVALID_VALUE, "'" + field + "' is an ISO-8601 instant, e.g. 2026-01-05T10:00:00Z");
            return null;
        }
    }
}
