package org.hedgesim.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * File names of a report's plots, made from the figures' ids (which hold outcome, parameter and
 * actor names as the user wrote them): only letters, digits, '_', '.' and '-'; at most
 * {@link #MAX} characters before the extension; and unique within the report, even on a file
 * system that ignores case. An id that is safe, short and not yet taken is used as it is; otherwise
 * the name is its sanitised (and shortened) stem, '-', and the first 8 hex digits of the id's
 * SHA-256, with -2, -3, ... in the unlikely case that this too is taken.
 */
final class PlotNames {
  /** The longest name, without ".svg" or ".png". */
  static final int MAX = 80;
  private static final int HASH = 8;

  private final Set<String> taken = new HashSet<>();

  /** The file name (without extension) for the next figure's id. */
  String next(String id) {
    String safe = id.replaceAll("[^A-Za-z0-9_.-]", "_");
    if (safe.startsWith(".")) safe = "_" + safe.substring(1);
    String name = safe;
    if (!safe.equals(id) || safe.isEmpty() || safe.length() > MAX || taken.contains(key(safe))) {
      String stem = safe.length() > MAX - HASH - 1 ? safe.substring(0, MAX - HASH - 1) : safe;
      name = stem + "-" + hash(id);
      for (int i = 2; taken.contains(key(name)); i++) name = stem + "-" + hash(id) + "-" + i;
    }
    taken.add(key(name));
    return name;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static String hash(String id) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, HASH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
