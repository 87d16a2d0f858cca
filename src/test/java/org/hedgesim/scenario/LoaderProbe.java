package org.hedgesim.scenario;

import java.nio.file.Path;

/**
 * Loads each file given and prints one line per file, for {@link SafeLoadingTest}, which runs it
 * in a separate JVM with a small heap: {@code file TAB outcome TAB milliseconds TAB message}, the
 * outcome being {@code REFUSED} (a ScenarioException), {@code LOADED} or {@code CRASH} (anything
 * else, including running out of memory). Then {@code canary TAB} the canary's property, or
 * {@code none}. With {@code --control} first, it initialises {@link ExploitCanary} itself, to show
 * that the canary works.
 */
public final class LoaderProbe {
  private LoaderProbe() {}

  public static void main(String[] args) throws Exception {
    int first = 0;
    if (args.length > 0 && args[0].equals("--control")) {
      Class.forName("org.hedgesim.scenario.ExploitCanary", true, LoaderProbe.class.getClassLoader());
      first = 1;
    }
    for (int i = first; i < args.length; i++) {
      Path f = Path.of(args[i]);
      long t0 = System.nanoTime();
      String outcome;
      String message = "";
      try {
        ScenarioLoader.load(f, f.getFileName().toString());
        outcome = "LOADED";
      } catch (ScenarioException e) {
        outcome = "REFUSED";
        message = e.problems().get(0).toString();
      } catch (Throwable t) {
        outcome = "CRASH";
        message = t.toString();
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.println(f.getFileName() + "\t" + outcome + "\t" + ms + "\t" + message.replace('\n', ' '));
    }
    System.out.println("canary\t" + System.getProperty("hedgesim.exploit.canary", "none"));
  }
}
