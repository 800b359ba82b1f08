/**
 * The dependency graph of measured traffic: VPC Flow Logs' address pairs attributed to the
 * snapshot's items through their network interfaces, summed per pair of ends and service port,
 * grouped into applications (connected components of strong internal traffic, refined by the
 * application tag), and exported as DOT or JSON. Reads only the inventory; the what-if and the
 * reports read it.
 */
package dev.migrate.deps;
