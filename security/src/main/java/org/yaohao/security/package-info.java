/**
 * Who may do what, shared by the command side and the query side: {@link org.yaohao.security.Role roles}, the
 * {@link org.yaohao.security.AccessRules rules per endpoint}, staff users from configuration or JWTs of an issuer, and
 * the tokens of signed-in applicants. Spring code; the shared kernel stays free of it.
 */
package org.yaohao.security;
