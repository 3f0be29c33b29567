/**
 * Applicants' sign-in: application code and ID number, a one-time code by SMS, a token for that application only
 * (issued by {@link org.yaohao.security.ApplicantTokens}); every confirmed sign-in is recorded on the application,
 * and one from a new device alerts the applicant.
 */
package org.yaohao.command.signin;
