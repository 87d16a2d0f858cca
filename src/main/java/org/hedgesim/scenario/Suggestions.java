package org.hedgesim.scenario;

import java.util.Collection;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" for misspelt keys and ids. */
public final class Suggestions {
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

  private Suggestions() {}

  /** The closest candidate within a small edit distance, or null. */
  public static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = DISTANCE.apply(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
      // a near miss, not a different word: fewer edits than the longer word has letters
      if (d >= 0 && d < bestDistance && d <= allowed(c.length())
          && d < Math.max(word.length(), c.length())) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Edits tolerated for a word of this length: 2 for short words, up to 3 for long ones. */
  private static int allowed(int length) {
    return length <= 6 ? 2 : Math.min(3, length / 3);
  }

  /** " (did you mean 'x'?)" or ""; never the word itself. */
  public static String hint(String word, Collection<String> candidates) {
    String c = closest(word, candidates);
    return c == null || c.equals(word) ? "" : " (did you mean '" + c + "'?)";
  }
}
