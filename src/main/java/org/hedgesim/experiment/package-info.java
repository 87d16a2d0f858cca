/**
 * Running the model: replications with derived seeds on a pool of threads, results delivered in
 * order, summaries across replications, and the manifest of a result.
 */
package org.hedgesim.experiment;
