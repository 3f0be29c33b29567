package org.yaohao.command.payment;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.yaohao.kernel.deposit.DepositId;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        widenForQuotaIds(dataSource);
        return new PaymentLedger(dataSource);
    }

    /**
     * A quota id (an extension fee's) is longer than a deposit id: a ledger created before extension fees, with a
     * 25-character {@code deposit_id}, is widened to {@value #DEPOSIT_ID_LENGTH} once.
     */
    private static void widenForQuotaIds(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            for (String table : List.of("payment_ledger", "PAYMENT_LEDGER")) {
                try (ResultSet columns = metaData.getColumns(connection.getCatalog(), connection.getSchema(), table,
                        null)) {
                    while (columns.next()) {
                        if ("deposit_id".equalsIgnoreCase(columns.getString("COLUMN_NAME"))
                                && columns.getInt("COLUMN_SIZE") < DEPOSIT_ID_LENGTH) {
                            JdbcClient.create(dataSource).sql("ALTER TABLE payment_ledger ALTER COLUMN deposit_id "
                                    + "SET DATA TYPE VARCHAR(" + DEPOSIT_ID_LENGTH + ")").update();
                            return;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the payment ledger's columns could not be read", e);
        }
    }

    private static final int DEPOSIT_ID_LENGTH = 40;

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
