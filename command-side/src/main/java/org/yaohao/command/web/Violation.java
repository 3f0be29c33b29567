package org.yaohao.command.web;

import org.yaohao.kernel.common.ErrorCode;

/** One broken rule in a request: the JSON path of the field, the rule, and what is wrong (never the raw value). */
public record Violation(String field, ErrorCode code, String detail) {
}
