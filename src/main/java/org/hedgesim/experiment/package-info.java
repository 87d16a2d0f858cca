/**
 * Running the model: replications with derived seeds on a pool of threads, results delivered in
 * order, summaries across replications, and the manifest of a result; sweeps (docs/SWEEPS.md):
 * sweep files, experimental designs, streamed and journaled runs, shards and their merge.
 */
package org.hedgesim.experiment;
