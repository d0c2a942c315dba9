package org.portplan.diag;

/** A value from user input together with where it was written. */
public record Located<T>(T value, Location location) {
}
