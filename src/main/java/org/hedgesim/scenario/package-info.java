/**
 * Scenario files: safe YAML reading, {@code extends} merging, validation with precise messages, and
 * the immutable records the model is built from. No MASON or Swing here.
 */
package org.hedgesim.scenario;
