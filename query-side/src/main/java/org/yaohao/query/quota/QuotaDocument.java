package org.yaohao.query.quota;

import org.bson.Document;
import org.yaohao.kernel.application.QuotaType;
import org.yaohao.kernel.quota.NoticeVerificationView;
import org.yaohao.kernel.quota.QuotaStatus;
import org.yaohao.kernel.quota.QuotaView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A quota as the {@value QuotaRepository#QUOTAS} collection holds it ({@code _id} = the quota id). No personal data
 * but the holder's ID number masked (or an enterprise's credit code, a public registration). Dates and instants as
 * ISO-8601 text.
 *
 * @param verificationCode the code printed on the confirmation notice ({@link NoticeCodes})
 * @param lastSequence     the quota aggregate's sequence number of the last event applied; an event at or below it
 *                         is ignored (redelivery, replay)
 */
record QuotaDocument(String quotaId, String code, String roundId, QuotaType quotaType, QuotaStatus status,
                     String holder, LocalDate issuedOn, LocalDate validUntil, List<QuotaView.Extension> extensions,
                     QuotaView.PendingExtension pending, QuotaView.Registration registration, Instant expiredAt,
                     QuotaView.Revocation revocation, String verificationCode, long lastSequence) {

    boolean hasApplied(long sequence) {
        return sequence <= lastSequence;
    }

    QuotaDocument requested(QuotaView.PendingExtension request, long sequence) {
        return new QuotaDocument(quotaId, code, roundId, quotaType, status, holder, issuedOn, validUntil, extensions,
                request, registration, expiredAt, revocation, verificationCode, sequence);
    }

    QuotaDocument extended(QuotaView.Extension extension, long sequence) {
        List<QuotaView.Extension> all = new ArrayList<>(extensions);
        all.add(extension);
        return new QuotaDocument(quotaId, code, roundId, quotaType, status, holder, issuedOn, extension.validUntil(),
                List.copyOf(all), null, registration, expiredAt, revocation, verificationCode, sequence);
    }

    QuotaDocument lapsed(long sequence) {
        return requested(null, sequence);
    }

    QuotaDocument used(QuotaView.Registration car, long sequence) {
        return new QuotaDocument(quotaId, code, roundId, quotaType, QuotaStatus.USED, holder, issuedOn, validUntil,
                extensions, null, car, expiredAt, revocation, verificationCode, sequence);
    }

    QuotaDocument expired(Instant at, long sequence) {
        return new QuotaDocument(quotaId, code, roundId, quotaType, QuotaStatus.EXPIRED, holder, issuedOn, validUntil,
                extensions, null, registration, at, revocation, verificationCode, sequence);
    }

    QuotaDocument revoked(QuotaView.Revocation why, long sequence) {
        return new QuotaDocument(quotaId, code, roundId, quotaType, QuotaStatus.REVOKED, holder, issuedOn, validUntil,
                extensions, null, registration, expiredAt, why, verificationCode, sequence);
    }

    QuotaView toView() {
        return new QuotaView(quotaId, code, roundId, quotaType, status, holder, issuedOn, validUntil, extensions,
                pending, registration, expiredAt, revocation, "/api/quotas/" + quotaId + "/notice");
    }

    NoticeVerificationView toVerification() {
        return new NoticeVerificationView(true, quotaId, holder, quotaType, status, issuedOn, validUntil,
                extensions.size());
    }

    Document toBson() {
        List<Document> paid = extensions.stream().map(e -> new Document("number", e.number())
                .append("validUntil", text(e.validUntil())).append("feeFen", e.feeFen())
                .append("paidAt", text(e.paidAt()))).toList();
        return new Document("_id", quotaId)
                .append("code", code)
                .append("roundId", roundId)
                .append("quotaType", quotaType.name())
                .append("status", status.name())
                .append("holder", holder)
                .append("issuedOn", text(issuedOn))
                .append("validUntil", text(validUntil))
                .append("extensions", paid)
                .append("pending", pending == null ? null : new Document("number", pending.number())
                        .append("feeFen", pending.feeFen()).append("requestedAt", text(pending.requestedAt()))
                        .append("lapsesAt", text(pending.lapsesAt())))
                .append("registration", registration == null ? null : new Document("vin", registration.vin())
                        .append("plateNumber", registration.plateNumber())
                        .append("registeredOn", text(registration.registeredOn())))
                .append("expiredAt", text(expiredAt))
                .append("revocation", revocation == null ? null : new Document("reason", revocation.reason())
                        .append("revokedAt", text(revocation.revokedAt())))
                .append("verificationCode", verificationCode)
                .append("lastSequence", lastSequence);
    }

    static QuotaDocument fromBson(Document d) {
        List<QuotaView.Extension> paid = new ArrayList<>();
        for (Document e : d.getList("extensions", Document.class, List.of())) {
            paid.add(new QuotaView.Extension(e.getInteger("number"), date(e.getString("validUntil")),
                    e.get("feeFen", Number.class).longValue(), instant(e.getString("paidAt"))));
        }
        Document p = d.get("pending", Document.class);
        Document r = d.get("registration", Document.class);
        Document v = d.get("revocation", Document.class);
        return new QuotaDocument(d.getString("_id"), d.getString("code"), d.getString("roundId"),
                QuotaType.valueOf(d.getString("quotaType")), QuotaStatus.valueOf(d.getString("status")),
                d.getString("holder"), date(d.getString("issuedOn")), date(d.getString("validUntil")), List.copyOf(paid),
                p == null ? null : new QuotaView.PendingExtension(p.getInteger("number"),
                        p.get("feeFen", Number.class).longValue(), instant(p.getString("requestedAt")),
                        instant(p.getString("lapsesAt"))),
                r == null ? null : new QuotaView.Registration(r.getString("vin"), r.getString("plateNumber"),
                        date(r.getString("registeredOn"))),
                instant(d.getString("expiredAt")),
                v == null ? null : new QuotaView.Revocation(v.getString("reason"), instant(v.getString("revokedAt"))),
                d.getString("verificationCode"), d.get("lastSequence", Number.class).longValue());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
