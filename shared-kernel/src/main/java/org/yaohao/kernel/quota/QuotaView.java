package org.yaohao.kernel.quota;

import org.yaohao.kernel.application.QuotaType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A quota as shown to its holder and staff: the holder's ID number masked, no names. Amounts in fen.
 *
 * @param holderIdNumber   the main applicant's ID number masked, or the enterprise's credit code
 * @param validUntil       the last valid day, extensions included
 * @param pendingExtension an extension awaiting its fee, or null
 */
public record QuotaView(String quotaId, String code, String roundId, QuotaType quotaType, QuotaStatus status,
                        String holderIdNumber, LocalDate issuedOn, LocalDate validUntil,
                        List<Extension> extensions, PendingExtension pendingExtension, Registration registration,
                        Instant expiredAt, Revocation revocation, String noticeUrl) {

    /** A paid extension: its number, the validity it gave, the fee and when it was paid. */
    public record Extension(int number, LocalDate validUntil, long feeFen, Instant paidAt) {
    }

    /** An extension requested and not yet paid. */
    public record PendingExtension(int number, long feeFen, Instant requestedAt, Instant lapsesAt) {
    }

    /** The car registered against the quota. */
    public record Registration(String vin, String plateNumber, LocalDate registeredOn) {
    }

    /** The regulator's revocation. */
    public record Revocation(String reason, Instant revokedAt) {
    }
}
