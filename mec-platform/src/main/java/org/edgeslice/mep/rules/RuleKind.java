package org.edgeslice.mep.rules;

/** The two kinds of rule an app gets from its AppD. */
public enum RuleKind { TRAFFIC, DNS }
