/**
 * The quotas read model ({@code quotas}, keyed by quota id), the confirmation notice as PDF with its verification
 * code, and the share of winners who extended (a statistics hook).
 */
package org.yaohao.query.quota;
