package org.hedgesim.gui;

import java.util.List;
import sim.util.Properties;

/**
 * A group of knobs as MASON properties, so that the Console's Model tab shows each with its
 * control: a slider for a number in a range, a pop-up menu for a choice, a check box for a switch.
 */
final class KnobProperties extends Properties {
  private static final long serialVersionUID = 1L;
  private final transient List<Knob> knobs;

  KnobProperties(List<Knob> knobs) {
    this.knobs = List.copyOf(knobs);
  }

  @Override
  public boolean isVolatile() {
    return false;
  }

  @Override
  public int numProperties() {
    return knobs.size();
  }

  @Override
  public Object getValue(int index) {
    return knobs.get(index).value();
  }

  @Override
  public boolean isReadWrite(int index) {
    return true;
  }

  @Override
  public String getName(int index) {
    return knobs.get(index).name;
  }

  @Override
  public Class<?> getType(int index) {
    return knobs.get(index).type();
  }

  @Override
  public Object getDomain(int index) {
    return knobs.get(index).domain();
  }

  @Override
  public String getDescription(int index) {
    return knobs.get(index).tooltip();
  }

  @Override
  protected Object _setValue(int index, Object value) {
    knobs.get(index).set(value);
    return knobs.get(index).value();
  }
}
