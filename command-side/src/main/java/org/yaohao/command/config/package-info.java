/** Cross-cutting wiring of the command side: clock, policies, correlation metadata, error mapping, schema. */
package org.yaohao.command.config;
