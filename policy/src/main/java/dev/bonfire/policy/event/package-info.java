/** Events the policy itself appends to the log: policy changes (and the access records of every door). */
package dev.bonfire.policy.event;
