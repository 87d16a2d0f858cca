/**
 * The classroom front end: MASON's Console on a {@link org.hedgesim.model.HedgeWorld}, with a map of
 * the states and their ties, live charts, and the scenario's key values to change between runs.
 * It drives the same model as {@code hedgesim run} and reads the same metrics through a
 * {@link org.hedgesim.model.RunObserver}; nothing here names a country or a framework.
 */
package org.hedgesim.gui;
