package org.yaohao.command.payment;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.yaohao.kernel.deposit.DepositId;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The embedded gateway's ledger, table {@code payment_ledger} in the application's DataSource (created from
 * {@code payment-ledger-schema.sql} if missing). Writes join the caller's Spring transaction. A second payout of one
 * payment breaks the table's unique constraint ({@code DuplicateKeyException}).
 */
class PaymentLedger {

    static final String SCHEMA = "payment-ledger-schema.sql";

    private static final RowMapper<LedgerEntry> ENTRY = (rs, row) -> new LedgerEntry(
            LedgerEntry.Kind.valueOf(rs.getString("kind")), rs.getString("reference"), rs.getString("deposit_id"),
            rs.getString("payment_reference"), rs.getLong("amount_fen"), rs.getString("method"),
            rs.getString("masked_account"), rs.getObject("at", OffsetDateTime.class).toInstant());
    private static final String COLUMNS =
            "kind, reference, deposit_id, payment_reference, amount_fen, method, masked_account, at";

    private final JdbcClient jdbc;

    private PaymentLedger(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The ledger in {@code dataSource}, its table created if missing. */
    static PaymentLedger in(DataSource dataSource) {
        new ResourceDatabasePopulator(new ClassPathResource(SCHEMA)).execute(dataSource);
        return new PaymentLedger(dataSource);
    }

    void record(LedgerEntry entry) {
        jdbc.sql("INSERT INTO payment_ledger (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(entry.kind().name(), entry.reference(), entry.depositId(), entry.paymentReference(),
                        entry.amountFen(), entry.method(), entry.maskedAccount(),
                        entry.at().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The payment with this reference. */
    Optional<LedgerEntry> payment(String paymentReference) {
        return line(LedgerEntry.Kind.PAYMENT, paymentReference);
    }

    /** The payout that returned this payment, if it was paid out. */
    Optional<LedgerEntry> payoutOf(String paymentReference) {
        return line(LedgerEntry.Kind.PAYOUT, paymentReference);
    }

    /** Every line of the deposit, in the order written. */
    List<LedgerEntry> ofDeposit(DepositId depositId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_ledger WHERE deposit_id = ? ORDER BY id")
                .param(depositId.value())
                .query(ENTRY)
                .list();
    }

    private Optional<LedgerEntry> line(LedgerEntry.Kind kind, String paymentReference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_ledger WHERE kind = ? AND payment_reference = ?")
                .params(kind.name(), paymentReference)
                .query(ENTRY)
                .optional();
    }
}
