/**
 * Value objects shared by every feature: identity numbers with their check characters, application codes,
 * money in integer fen, channels, and the error codes every side maps to HTTP the same way.
 */
package org.yaohao.kernel.common;
