package org.hedgesim;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints why a test was skipped on the console, where a reader of the build log sees it, and not
 * only in Surefire's XML: an assumption that failed (a missing package, no root, no display) or a
 * disabled test. Registered for every test by the service file and
 * {@code junit.jupiter.extensions.autodetection.enabled} in junit-platform.properties.
 */
public final class SkipReasons implements TestWatcher {

  /** The line printed for a skipped test. */
  static String line(ExtensionContext context, String why) {
    String where = context.getTestClass().map(Class::getSimpleName).orElse("?");
    return "SKIPPED " + where + " > " + context.getDisplayName() + ": " + why;
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    String m = cause == null || cause.getMessage() == null ? "an assumption did not hold" : cause.getMessage();
    System.out.println(line(context, m.replaceFirst("^Assumption failed: ", "")));
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    System.out.println(line(context, reason.orElse("disabled")));
  }
}
