/** The command line (picocli): run, validate, list, gui, and the exit codes they share. */
package org.hedgesim.cli;
