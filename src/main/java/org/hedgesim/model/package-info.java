/**
 * The hedging model on MASON: {@link org.hedgesim.model.HedgeWorld} and its six phases per step,
 * the entities of a run, the equations, and what each event does. Nothing here names a country,
 * a framework or an event of any case: all of that comes from the scenario.
 */
package org.hedgesim.model;
