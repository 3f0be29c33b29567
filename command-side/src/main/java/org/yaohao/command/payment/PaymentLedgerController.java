package org.yaohao.command.payment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yaohao.command.web.Violations;
import org.yaohao.kernel.deposit.DepositId;

import java.util.List;

/**
 * The embedded gateway's ledger as its own statement, so a user can see money move: {@code GET
 * /api/payments/ledger?depositId=…}, every payment and payout of the deposit in the order made, amounts in fen,
 * accounts masked. This is the gateway's record, not the deposit's state; only in {@code embedded} mode.
 */
@RestController
@ConditionalOnProperty(name = PaymentProperties.MODE, havingValue = "embedded", matchIfMissing = true)
class PaymentLedgerController {

    private final PaymentLedger ledger;

    PaymentLedgerController(PaymentLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping(path = "/api/payments/ledger", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<LedgerEntry>> ledger(@RequestParam(required = false) String depositId) {
        Violations v = new Violations();
        DepositId deposit = v.parse("depositId", depositId, DepositId::of);
        v.throwIfAny();
        return ResponseEntity.ok(ledger.ofDeposit(deposit));
    }
}
