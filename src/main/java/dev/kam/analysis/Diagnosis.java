package dev.kam.analysis;

/** Where the company fails with an account (进不来 / 做不大 / 留不住), or none. */
public enum Diagnosis {
    /** 进不来: we are not in — a prospect, or a foothold only in a big wallet. */
    CANNOT_WIN("cannot win", "进不来"),
    /** 做不大: active, but a share of a big wallet well below the ceiling. */
    CANNOT_GROW("cannot grow", "做不大"),
    /** 留不住: an account we may lose — at-risk stage, poor credit, buying rarely. */
    CANNOT_KEEP("cannot keep", "留不住"),
    HEALTHY("healthy", "健康");

    private final String label;
    private final String chinese;

    Diagnosis(String label, String chinese) {
        this.label = label;
        this.chinese = chinese;
    }

    /** English display name, e.g. "cannot grow". */
    public String label() {
        return label;
    }

    /** The course's term, e.g. 做不大. */
    public String chinese() {
        return chinese;
    }
}
