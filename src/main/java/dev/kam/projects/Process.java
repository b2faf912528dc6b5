package dev.kam.projects;

/**
 * The three processes of an account project (113项目管理法, seed ch. 9: 3个流程), each opened by a documented
 * rule ({@link AccountProjects}).
 */
public enum Process {
    /** 评估立项: an account that can become a key account is assessed and opened as a project. */
    ASSESS("assess"),
    /** 挖潜整改: a key account with room to grow gets a plan to mine its potential. */
    MINE("mine"),
    /** 减量整改: an account whose business falls gets a plan to fix the decline. */
    DECLINE("decline");

    private final String code;

    Process(String code) {
        this.code = code;
    }

    /** CSV spelling and message-key segment: {@code assess}, {@code mine}, {@code decline}. */
    public String code() {
        return code;
    }
}
