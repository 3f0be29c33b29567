/**
 * The demonstration mode ({@code java -jar yaohao.jar --demo}): a synthetic population submitted through the real HTTP
 * API and the 2023 plan's rounds run on an accelerated clock, in a data directory of its own. Off by default.
 */
package org.yaohao.standalone.demo;
