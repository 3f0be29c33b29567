/**
 * The Application aggregate and everything that acts on it: submission (with the one-active-application-per-person
 * rule), quota type changes, withdrawal, and the pre-qualification outcomes; plus the command API.
 */
package org.yaohao.command.application;
