/**
 * The vendor-neutral rule model: what each firewall must forward, permit and translate. The
 * planner writes it; emitters read nothing else.
 */
package org.portplan.rules;
