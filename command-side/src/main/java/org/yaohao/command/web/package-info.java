/**
 * HTTP plumbing shared by the command API's controllers: request-field validation that names the field and the
 * rule, the origin of a request (channel, district, acting user) as message metadata, and RFC 9457 problems.
 */
package org.yaohao.command.web;
