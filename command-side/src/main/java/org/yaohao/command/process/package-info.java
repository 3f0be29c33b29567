/** What the command side's processes (sagas) share: sending their decisions as commands. */
package org.yaohao.command.process;
