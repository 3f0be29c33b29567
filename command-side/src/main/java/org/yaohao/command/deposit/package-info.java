/**
 * The Deposit aggregate (保证金), one per application per round entered, the commands that act on it, and the
 * process that refunds it by the original payment route.
 */
package org.yaohao.command.deposit;
