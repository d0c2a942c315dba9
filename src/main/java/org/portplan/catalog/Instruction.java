package org.portplan.catalog;

/**
 * Something the administrator must provide or set that is not a port: DHCP options,
 * configuration file names, a registry value. Printed in the plan for each device of the model.
 */
public record Instruction(String text, Citation source) {
}
