/**
 * The Application's published language: what an applicant submits, the commands that act on an application, the
 * events that record what happened to it, and the status query and its view.
 */
package org.yaohao.kernel.application;
