package dev.kam.analysis;

/** Where the company fails with an account (进不来 / 做不大 / 留不住), or none. */
public enum Diagnosis { CANNOT_WIN, CANNOT_GROW, CANNOT_KEEP, HEALTHY }
