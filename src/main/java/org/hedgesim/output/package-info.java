/**
 * Result files: CSV tables, the manifest, hashes, and folders that appear whole or not at all.
 * Knows nothing of the model; it writes what it is given.
 */
package org.hedgesim.output;
