/** The command line (picocli): run, validate, list, and the exit codes they share. */
package org.hedgesim.cli;
