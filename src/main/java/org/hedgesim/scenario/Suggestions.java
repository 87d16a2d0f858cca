package org.hedgesim.scenario;

import java.util.Collection;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" for misspelt keys and ids. */
final class Suggestions {
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

  private Suggestions() {}

  /** The closest candidate within a small edit distance, or null. */
  static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = DISTANCE.apply(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      if (d >= 0 && d < bestDistance && d <= Math.max(1, Math.min(3, c.length() / 3))) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** " (did you mean 'x'?)" or "". */
  static String hint(String word, Collection<String> candidates) {
    String c = closest(word, candidates);
    return c == null ? "" : " (did you mean '" + c + "'?)";
  }
}
