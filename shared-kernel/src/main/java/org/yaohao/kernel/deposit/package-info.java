/**
 * The Deposit's published language (保证金): one deposit per application per round entered, paid in full or in
 * instalments, then refunded, converted for a winner, or carried over to the next round of the same type.
 */
package org.yaohao.kernel.deposit;
