package dev.kam.analysis;

/**
 * Where the company fails with an account (进不来 / 做不大 / 留不住), or none. The words for each are in the
 * {@code analysis} bundle under {@code analysis.diagnosis.NAME}.
 */
public enum Diagnosis {
    /** 进不来: we are not in — a prospect, or a foothold only in a big wallet. */
    CANNOT_WIN,
    /** 做不大: active, but a share of a big wallet well below the ceiling. */
    CANNOT_GROW,
    /** 留不住: an account we may lose — at-risk stage, poor credit, buying rarely. */
    CANNOT_KEEP,
    HEALTHY;

    /** The bundle key of its display name. */
    public String key() {
        return "analysis.diagnosis." + name();
    }
}
