package dev.kam.analysis;

/** Tier of the customer pyramid. */
public enum Tier { KEY, MID, SMALL }
