/** Statistics over results: estimates with confidence intervals (Commons Math). */
package org.hedgesim.analysis;
