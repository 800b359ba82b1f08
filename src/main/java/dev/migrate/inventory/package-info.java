/**
 * The inventory snapshot (format v1): immutable records of what was collected from an AWS
 * account, plus JSON I/O. Depends on nothing else in the project.
 *
 * <p>Units are in the names: {@code sizeGib}, {@code networkOutGib}. Byte quantities in the
 * snapshot are binary GiB (2^30 bytes), which is how AWS and Google Cloud bill "GB".
 */
package dev.migrate.inventory;
