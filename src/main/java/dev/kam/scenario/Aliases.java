package dev.kam.scenario;

import dev.kam.domain.Layer;
import dev.kam.domain.Stage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Chinese (and a few English) names kam accepts besides its own: header aliases per table and
 * column, sheet names per table, and words for stages, layers and yes/no. docs/scenario-format.md
 * shows these same lists as tables; {@code AliasesTest} keeps them free of clashes (no alias names two
 * columns of one table) and checks that the documentation lists each one.
 *
 * <p>Matching ignores spaces, full-width forms (Ａ, （）) and the case of Latin letters; kam's own
 * column names stay case-sensitive (so {@code mustcover} gets a did-you-mean, not a silent match).
 */
public final class Aliases {
    private Aliases() {
    }

    /** Header aliases: table → canonical column → aliases, in documentation order. */
    public static final Map<String, Map<String, List<String>>> COLUMNS = columns();

    /** Sheet names a table is looked for under, besides its own name. */
    public static final Map<String, List<String>> SHEETS = Map.of(
            "accounts", List.of("客户", "客户表", "客户清单", "客户列表", "账户"),
            "soldiers", List.of("销售", "销售特种兵", "特种兵", "销售人员", "人员"),
            "products", List.of("产品", "产品表", "产品清单"),
            "relationships", List.of("关系", "客户关系", "关系表"),
            "history", List.of("历史", "历史收入", "历史数据"),
            "pipeline", List.of("商机", "销售漏斗", "漏斗", "商机清单"));

    /** Words read as a stage, besides {@code prospect}, {@code active}, {@code at-risk}. */
    public static final Map<Stage, List<String>> STAGE_WORDS = Map.of(
            Stage.PROSPECT, List.of("潜在", "潜在客户", "意向", "意向客户", "线索", "待开发", "未成交", "目标客户"),
            Stage.ACTIVE, List.of("活跃", "活跃客户", "正常", "合作中", "在合作", "现有", "现有客户", "已成交", "成交"),
            Stage.AT_RISK, List.of("风险", "有风险", "风险客户", "流失风险", "预警", "濒临流失", "危险"));

    /** Words read as a layer (正奇合: base 正, project 奇, hq 合), besides {@code base}, {@code project}, {@code hq}. */
    public static final Map<Layer, List<String>> LAYER_WORDS = Map.of(
            Layer.BASE, List.of("基层", "分公司基层", "正"),
            Layer.PROJECT, List.of("项目", "分公司项目", "奇"),
            Layer.HQ, List.of("总部", "总部项目", "合"));

    /** Yes/no words (compared ignoring case). */
    public static final List<String> YES = List.of("true", "yes", "y", "1", "是", "对", "真", "有", "√", "✓", "✔");
    public static final List<String> NO = List.of("false", "no", "n", "0", "否", "错", "假", "无", "×", "✗", "✘");

    private static Map<String, Map<String, List<String>>> columns() {
        Map<String, Map<String, List<String>>> t = new LinkedHashMap<>();
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("id", List.of("客户编号", "客户编码", "客户代码", "客户ID", "客户号"));
        a.put("name", List.of("客户名称", "客户名", "公司名称", "企业名称"));
        a.put("industry", List.of("行业", "所属行业", "行业分类"));
        a.put("region", List.of("区域", "地区", "大区", "所属区域", "片区"));
        a.put("revenue", List.of("收入", "营收", "年收入", "销售额", "销售收入", "近12个月收入", "年销售额"));
        a.put("wallet", List.of("钱包", "钱包规模", "钱包总额", "客户钱包", "采购总额", "年采购额", "品类采购额"));
        a.put("margin", List.of("毛利率", "利润率"));
        a.put("credit", List.of("信用", "信用度", "信用评分", "诚信"));
        a.put("difficulty", List.of("难度", "开发难度", "难度系数"));
        a.put("serviceHours", List.of("服务工时", "服务小时", "服务时长"));
        a.put("orders", List.of("订单数", "订单次数", "年订单数", "采购频次", "下单次数"));
        a.put("needs", List.of("需求", "需求标签"));
        a.put("owner", List.of("负责人", "客户经理", "销售负责人", "归属销售", "负责销售"));
        a.put("stage", List.of("阶段", "客户阶段", "状态", "客户状态", "生命周期"));
        a.put("mustCover", List.of("必须覆盖", "必保", "重点保障"));
        a.put("baseHours", List.of("基础工时", "标准工时"));
        a.put("locked", List.of("锁定", "锁定负责人"));
        t.put("accounts", a);
        Map<String, List<String>> s = new LinkedHashMap<>();
        s.put("id", List.of("员工编号", "工号", "销售编号", "人员编号"));
        s.put("name", List.of("姓名", "名字", "销售姓名"));
        s.put("layer", List.of("层级", "类别", "正奇合"));
        s.put("stars", List.of("星级", "星级评定"));
        s.put("industries", List.of("擅长行业", "专长行业", "行业"));
        s.put("regions", List.of("负责区域", "区域", "地区"));
        s.put("capacityHours", List.of("可用工时", "销售工时", "年工时", "产能工时"));
        s.put("certification", List.of("通关", "通关等级", "认证", "认证等级"));
        s.put("annualCost", List.of("年成本", "人力成本", "年度成本"));
        s.put("minHours", List.of("最低工时", "最少工时"));
        t.put("soldiers", s);
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("id", List.of("产品编号", "产品编码", "产品代码"));
        p.put("name", List.of("产品名称", "产品名"));
        p.put("needs", List.of("满足需求", "需求", "需求标签"));
        p.put("price", List.of("价格", "年价格", "单价", "年收入"));
        p.put("margin", List.of("毛利率", "利润率"));
        p.put("serviceShare", List.of("服务占比", "服务收入占比"));
        p.put("capacity", List.of("交付能力", "可交付客户数", "产能"));
        p.put("minRating", List.of("最低评级", "最低等级", "最低客户评级"));
        t.put("products", p);
        Map<String, List<String>> r = new LinkedHashMap<>();
        r.put("soldier", List.of("销售", "销售编号", "员工编号", "工号"));
        r.put("account", List.of("客户", "客户编号"));
        r.put("strength", List.of("关系强度", "强度"));
        r.put("hours", List.of("工时", "投入工时"));
        r.put("value", List.of("价值", "年价值"));
        t.put("relationships", r);
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("account", List.of("客户", "客户编号"));
        h.put("year", List.of("年份", "年度", "年"));
        h.put("revenue", List.of("收入", "营收", "销售额"));
        h.put("owner", List.of("负责人", "负责销售", "客户经理"));
        t.put("history", h);
        Map<String, List<String>> o = new LinkedHashMap<>();
        o.put("opportunity", List.of("商机编号", "机会编号", "商机"));
        o.put("account", List.of("客户", "客户编号"));
        o.put("soldier", List.of("销售", "负责人", "员工编号", "工号"));
        o.put("stage", List.of("漏斗阶段", "阶段", "商机阶段"));
        o.put("value", List.of("金额", "商机金额", "预计金额", "年价值"));
        o.put("expectedClose", List.of("预计成交日期", "预计签约日期", "预计成交"));
        t.put("pipeline", o);
        return t;
    }

    /**
     * The comparable form of a header or word: full-width ASCII forms and the ideographic space folded to
     * ASCII, spaces removed, Latin letters lower-cased.
     */
    public static String fold(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xFF01 && c <= 0xFF5E) c = (char) (c - 0xFEE0);
            if (c == '\u3000' || Character.isWhitespace(c) || Character.isSpaceChar(c)) continue;
            sb.append(c);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** Folded alias → column, per table; folded words → value. Built once. */
    private static final Map<String, Map<String, String>> COLUMN_INDEX = new LinkedHashMap<>();
    private static final Map<String, Stage> STAGE_INDEX = new java.util.HashMap<>();
    private static final Map<String, Layer> LAYER_INDEX = new java.util.HashMap<>();
    private static final Map<String, Boolean> YES_NO_INDEX = new java.util.HashMap<>();

    static {
        for (Map.Entry<String, Map<String, List<String>>> t : COLUMNS.entrySet()) {
            Map<String, String> m = new java.util.HashMap<>();
            for (Map.Entry<String, List<String>> e : t.getValue().entrySet()) {
                for (String alias : e.getValue()) m.put(fold(alias), e.getKey());
            }
            COLUMN_INDEX.put(t.getKey(), m);
        }
        for (Map.Entry<Stage, List<String>> e : STAGE_WORDS.entrySet()) for (String w : e.getValue()) STAGE_INDEX.put(fold(w), e.getKey());
        for (Map.Entry<Layer, List<String>> e : LAYER_WORDS.entrySet()) for (String w : e.getValue()) LAYER_INDEX.put(fold(w), e.getKey());
        for (String w : YES) YES_NO_INDEX.put(fold(w), Boolean.TRUE);
        for (String w : NO) YES_NO_INDEX.put(fold(w), Boolean.FALSE);
    }

    /** The canonical column of a table that {@code header} (already without its unit) is an alias of, or null. */
    static String column(String table, String header) {
        Map<String, String> m = COLUMN_INDEX.get(table);
        return m == null ? null : m.get(fold(header));
    }

    /** A stage from its code or one of its words; null when unknown. */
    static Stage stage(String text) {
        Stage s = Stage.parse(text.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-'));
        return s != null ? s : STAGE_INDEX.get(fold(text));
    }

    /** A layer from its code or one of its words; null when unknown. */
    static Layer layer(String text) {
        Layer l = Layer.parse(text);
        return l != null ? l : LAYER_INDEX.get(fold(text));
    }

    /** TRUE, FALSE, or null when the text is not a yes/no word. */
    static Boolean yesNo(String text) {
        return YES_NO_INDEX.get(fold(text));
    }
}
