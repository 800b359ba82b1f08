/** Small file helpers shared by every stage: atomic writes. Depends on nothing in the project. */
package dev.migrate.io;
