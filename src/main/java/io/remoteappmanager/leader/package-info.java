/**
 * Leader election: of the controllers of one realm, only the holder of the realm's lease (an exclusive lock on a
 * file, which the kernel releases when its process dies) acts; the others stand by, warm, and take over.
 */
package io.remoteappmanager.leader;
