package dev.kam.report;

import dev.kam.i18n.Lang;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The message table of the report and the charts, English and Chinese ({@code --lang en|zh}).
 * Templates use {@code %s} placeholders formatted with Locale.ROOT. A key missing from the table is
 * a programming error and fails loudly; a chart label or CSV column missing from the dictionaries is
 * shown as it is.
 */
public final class Text {
    private static final Map<String, String[]> MESSAGES = new HashMap<>();
    private static final Map<String, String> CHART_ZH = new HashMap<>();
    private static final Map<String, String[]> COLUMNS = new HashMap<>();

    private final Lang lang;

    private Text(Lang lang) {
        this.lang = lang;
    }

    public static Text of(Lang lang) {
        return new Text(lang == null ? Lang.EN : lang);
    }

    public Lang lang() {
        return lang;
    }

    /** The message for a key. */
    public String t(String key) {
        String[] m = MESSAGES.get(key);
        if (m == null) throw new IllegalArgumentException("no message '" + key + "'");
        return lang == Lang.ZH ? m[1] : m[0];
    }

    /** The message for a key with its {@code %s} placeholders filled. */
    public String f(String key, Object... args) {
        Object[] a = new Object[args.length];
        for (int i = 0; i < args.length; i++) a[i] = String.valueOf(args[i]);
        return String.format(Locale.ROOT, t(key), a);
    }

    /** Display name of a CSV column or metric; the column itself when unknown. */
    public String column(String name) {
        String[] m = COLUMNS.get(name);
        if (m == null) return name;
        return lang == Lang.ZH ? m[1] : m[0];
    }

    /** Pyramid tier code (KEY, MID, SMALL) for display. */
    public String tier(String code) {
        String k = "tier." + code;
        return MESSAGES.containsKey(k) ? t(k) : code;
    }

    /** Diagnosis code (CANNOT_WIN, ...) for display. */
    public String diagnosis(String code) {
        String k = "diag." + code;
        return MESSAGES.containsKey(k) ? t(k) : code;
    }

    /** Effort level name (light, standard, intensive) for display. */
    public String effort(String name) {
        String k = "effort." + name.trim().toLowerCase(Locale.ROOT);
        return MESSAGES.containsKey(k) ? t(k) : name;
    }

    /** The next step for an account with this diagnosis code and lifecycle stage code. */
    public String action(String diagnosis, String stage) {
        String k = "act." + diagnosis;
        if (!MESSAGES.containsKey(k)) k = "act." + stage;
        if (!MESSAGES.containsKey(k)) k = "act.HEALTHY";
        return t(k);
    }

    /** A scenario source (as the user named it) for display. */
    public static String sourceName(String source) {
        return source == null ? "" : source;
    }

    /**
     * A chart label in a language: unchanged in English; in Chinese the exact phrase, or the phrase before
     * a trailing {@code " (unit)"} translated and the unit kept; unchanged when unknown.
     */
    public static String chartLabel(Lang lang, String label) {
        if (lang != Lang.ZH || label == null) return label;
        String zh = CHART_ZH.get(label);
        if (zh != null) return zh;
        for (Map.Entry<java.util.regex.Pattern, String> e : CHART_PATTERNS.entrySet()) {
            java.util.regex.Matcher m = e.getKey().matcher(label);
            if (m.matches()) {
                String out = e.getValue();
                for (int g = m.groupCount(); g >= 1; g--) out = out.replace("$" + g, chartLabel(lang, m.group(g)));
                return out;
            }
        }
        int dash = label.indexOf(" — ");
        if (dash > 0) return chartLabel(lang, label.substring(0, dash)) + " — " + chartLabel(lang, label.substring(dash + 3));
        int paren = label.lastIndexOf(" (");
        if (paren > 0 && label.endsWith(")")) {
            String head = CHART_ZH.get(label.substring(0, paren));
            if (head != null) return head + "（" + chartLabel(lang, label.substring(paren + 2, label.length() - 1)) + "）";
        }
        return label;
    }

    /** Chart labels with numbers in them: pattern → Chinese with $1, $2 … (each group translated in turn). */
    private static final Map<java.util.regex.Pattern, String> CHART_PATTERNS = new java.util.LinkedHashMap<>();

    private static void pattern(String regex, String zh) {
        CHART_PATTERNS.put(java.util.regex.Pattern.compile(regex), zh);
    }

    /** True when the chart dictionary has a Chinese phrase for this English label. */
    public static boolean hasChartLabel(String label) {
        return CHART_ZH.containsKey(label);
    }

    private static void m(String key, String en, String zh) {
        MESSAGES.put(key, new String[] {en, zh});
    }

    private static void c(String key, String en, String zh) {
        COLUMNS.put(key, new String[] {en, zh});
    }

    private static void chart(String en, String zh) {
        CHART_ZH.put(en, zh);
    }

    static {
        m("title", "Key-account strategy report", "大客户战略报告");
        m("subtitle", "Base year %s · plan %s–%s · amounts in %s · %s accounts, %s soldiers, %s products",
                "基准年 %s · 规划期 %s–%s · 金额单位 %s · %s 个客户、%s 名销售特种兵、%s 个产品");
        m("footer", "Generated by %s from %s. Self-contained: no scripts, no network.",
                "由 %s 根据 %s 生成。本文件自包含：无脚本、无网络请求。");
        m("rows", "%s: %s rows (click to show)", "%s：%s 行（点击展开）");
        m("values", "%s: %s values (click to show)", "%s：%s 项（点击展开）");
        m("departmentsNext", "Department targets for %s (all years below)", "%s 年部门目标（全部年份见下表）");
        m("noWarnings", "No warnings: the targets fit the pipeline, the headcount and the market growth.",
                "无警告：目标与商机储备、人力及市场增长相匹配。");
        m("kpi.when", "Median year the %s goal is first met", "首次达成 %s 年目标的中位年份");
        m("kpi.whenDetail", "%s of paths never reach it within the horizon", "%s 的路径在规划期内未达成");
        m("plan.score", "Score (hard / medium / soft)", "得分（硬/中/软）");
        m("plan.objective", "Objective (LP value of the plan)", "目标函数值（方案的LP值）");
        m("plan.baselineUplift", "Expected uplift of today's owners (a year)", "现有负责人方案的预期提升（每年）");
        m("plan.planUplift", "Expected uplift of the plan (a year)", "优化方案的预期提升（每年）");
        m("plan.upliftAdded", "Uplift added by the plan (a year)", "方案新增提升（每年）");
        m("plan.moved", "Accounts moved to another soldier", "更换负责人的客户数");
        m("plan.dropped", "Accounts with an owner today left uncovered", "当前有负责人但方案中无人负责的客户数");
        m("plan.uncovered", "Accounts left uncovered", "无人负责的客户数");
        m("plan.uncoveredList", "%s uncovered accounts and why (click to show)", "%s 个无人负责的客户及原因（点击展开）");
        m("sec.summary", "Executive summary", "执行摘要");
        m("sec.customers", "Customer base: pyramid and 5A ratings", "客户结构：金字塔与5A评级");
        m("sec.targets", "Targets and department targets", "目标与部门目标");
        m("sec.plan", "Assignment plan", "分配方案");
        m("sec.simulation", "Simulation", "蒙特卡洛模拟");
        m("sec.compare", "Scenario comparison", "情景对比");
        m("sec.actions", "Action list per key account", "大客户行动清单");
        m("sec.assumptions", "Assumptions", "假设与参数");
        m("kpi.goal", "Probability of reaching the %s goal", "达成 %s 年目标的概率");
        m("kpi.goalAll", "key-account revenue, count and share goals all met in the same path; revenue goal alone %s",
                "同一路径中大客户收入、数量与占比目标同时达成；仅收入目标 %s");
        m("kpi.median", "Median key-account revenue %s", "%s 年大客户收入中位数");
        m("kpi.today", "today %s", "当前 %s");
        m("kpi.vsTarget", "target %s · today %s", "目标 %s · 当前 %s");
        m("kpi.kaToday", "Key-account revenue today", "当前大客户收入");
        m("kpi.kaCount", "%s key accounts, %s of revenue", "%s 个大客户，占收入 %s");
        m("kpi.uplift", "Plan uplift over today's owners", "方案相对现有负责人的提升");
        m("kpi.upliftDetail", "expected gross profit a year, optimized plan vs today's owners", "预期年毛利，优化方案对比现有负责人");
        m("kpi.target", "Key-account revenue target %s", "%s 年大客户收入目标");
        m("kpi.cagr", "needs %s growth a year", "需年均增长 %s");
        m("risks", "Three biggest risks", "三大风险");
        m("risks.none", "No major risk found in the data.", "数据中未发现重大风险。");
        m("notRun", "Not part of this run (stage not available): %s.", "本次运行未包含（阶段尚不可用）：%s。");
        m("stage.validate", "Validate", "校验");
        m("stage.analysis", "Analysis", "客户分析");
        m("stage.analyze", "Analysis", "客户分析");
        m("stage.targets", "Targets", "目标分解");
        m("stage.plan", "Assignment", "分配优化");
        m("stage.assign", "Assignment", "分配优化");
        m("stage.simulation", "Simulation", "模拟");
        m("stage.simulate", "Simulation", "模拟");
        m("stage.report", "Report", "报告");
        m("stage.compare", "Comparison", "情景对比");
        m("stage.mechanisms", "Mechanisms", "机制");
        m("total", "Total", "合计");
        m("pyramid", "Customer pyramid", "客户金字塔");
        m("ratings", "5A ratings", "5A评级");
        m("diagnoses", "Lifecycle diagnosis", "生命周期诊断");
        m("indicators", "Structure indicators", "结构指标");
        m("accountList", "All accounts", "全部客户");
        m("yearly", "Yearly targets", "年度目标");
        m("departments", "Department targets", "部门目标");
        m("feasibility", "Feasibility checks", "可行性检查");
        m("planSummary", "Plan summary and baseline comparison", "方案概要与基线对比");
        m("perSoldier", "Per soldier", "按销售特种兵");
        m("perAccount", "Per account", "按客户");
        m("perProduct", "Products offered", "产品推荐");
        m("hitProbabilities", "Probability of meeting each yearly target", "各年度目标达成概率");
        m("finalYear", "Final-year distribution", "末年分布");
        m("simSummary", "Simulation summary", "模拟概要");
        m("allPercentiles", "All percentiles", "全部分位数");
        m("actions.intro", "One line per key account, largest first: who leads it under the plan, how hard, which products, and the next step that follows from its diagnosis.",
                "每个大客户一行（按收入从大到小）：方案中由谁负责、投入力度、推荐产品，以及根据诊断得出的下一步行动。");
        m("assumptions.intro", "Every parameter this run used, as read from %s (defaults where the file is silent).",
                "本次运行使用的全部参数，读取自 %s（文件未设置处为默认值）。");
        m("timings", "Run time per stage", "各阶段耗时");
        m("col.tier", "Tier", "层级");
        m("col.accounts", "Accounts", "客户数");
        m("col.revenue", "Revenue", "收入");
        m("col.revenueShare", "Share of revenue", "收入占比");
        m("col.rating", "5A rating", "5A评级");
        m("col.diagnosis", "Diagnosis", "诊断");
        m("col.account", "Account", "客户");
        m("col.owner", "Owner", "负责人");
        m("col.effort", "Effort", "投入力度");
        m("col.products", "Products", "产品");
        m("col.action", "Action", "行动");
        m("col.key", "Parameter", "参数");
        m("col.value", "Value", "取值");
        m("tier.KEY", "Key accounts", "大客户");
        m("tier.MID", "Mid accounts", "中客户");
        m("tier.SMALL", "Small accounts", "小客户");
        m("diag.CANNOT_WIN", "Cannot win (进不来)", "进不来");
        m("diag.CANNOT_GROW", "Cannot grow (做不大)", "做不大");
        m("diag.CANNOT_KEEP", "Cannot keep (留不住)", "留不住");
        m("diag.HEALTHY", "Healthy", "健康");
        m("effort.light", "light", "轻度");
        m("effort.standard", "standard", "标准");
        m("effort.intensive", "intensive", "高强度");
        m("act.CANNOT_WIN", "Assess and open: map the decision makers, qualify the need, propose a pilot.",
                "评估与开发：梳理决策链，确认需求，提出试点方案。");
        m("act.CANNOT_GROW", "Mine potential: raise share of wallet with a joint account plan and cross-selling.",
                "挖掘潜力：通过联合客户计划与交叉销售提升钱包份额。");
        m("act.CANNOT_KEEP", "Fix decline: executive visit within 30 days, service review, retention plan.",
                "扭转下滑：30天内高层拜访，服务复盘，制定挽留计划。");
        m("act.HEALTHY", "Maintain and grow: quarterly business review and account operating report.",
                "维护与增长：季度业务回顾与客户经营报告。");
        m("act.prospect", "Assess and open: qualify the prospect and propose a first project.", "评估与开发：确认商机，提出首个项目。");
        m("act.at-risk", "Fix decline: executive visit within 30 days, service review, retention plan.",
                "扭转下滑：30天内高层拜访，服务复盘，制定挽留计划。");
        m("action.noOwner", "none", "无");
        m("action.was", "(was %s)", "（原 %s）");
        m("action.offer", "Offer: %s.", "推荐：%s。");
        m("action.findOwner", "No eligible soldier with free capacity: hire or certify one.", "无可用且合格的销售特种兵：需招聘或认证。");
        m("action.why", "Diagnosis: %s.", "诊断依据：%s。");
        m("action.planWhy", "Plan: %s.", "方案说明：%s。");
        m("risk.hit", "Low odds for the %s target of %s", "%s（%s 年）达成概率低");
        m("risk.hit.detail", "probability %s of reaching %s under the plan.", "按当前方案达成 %2$s 的概率为 %1$s。");
        m("risk.hit.detail2", "probability %s under the plan.", "按当前方案的达成概率为 %s。");
        m("risk.growth", "The goal needs %s key-account growth a year", "目标要求大客户收入年均增长 %s");
        m("risk.growth.detail", "from %s today to %s in %s, against expected market growth of %s a year.",
                "从当前 %s 到 %s（%s 年），而市场预期年增长仅 %s。");
        m("risk.concentration", "Concentration: the top 5 accounts carry %s of revenue", "收入集中：前5大客户占收入 %s");
        m("risk.concentration.detail", "the largest, %s, alone %s; losing one of them moves the whole plan.",
                "最大客户 %s 单独占 %s；失去其中任何一个都会影响整体目标。");
        m("risk.concentration1", "Concentration: %s alone carries %s of revenue", "收入集中：%s 一家占收入 %s");
        m("risk.concentration1.detail", "losing this one account moves the whole plan.", "失去这一个客户会影响整体目标。");
        m("risk.retention", "Revenue at risk of churn: %s of revenue", "流失风险收入：占收入 %s");
        m("risk.retention.detail", "%s accounts are at risk or diagnosed cannot keep (留不住), worth %s a year.",
                "%s 个客户处于风险期或诊断为留不住，年收入 %s。");
        m("risk.uncovered", "%s key accounts left without a lead soldier", "%s 个大客户无销售特种兵负责");
        m("risk.uncovered.detail", "they carry %s of revenue a year; capacity or eligibility (stars, certification) is short.",
                "年收入 %s；产能或资质（星级、通关认证）不足。");
        m("risk.capacity", "Capacity shortfall: %s of %s soldiers are fully booked", "产能不足：%s / %s 名销售特种兵满负荷");
        m("risk.capacity.detail", "no slack for new key accounts or for intensive effort; hiring or certifying soldiers adds room.",
                "没有余量承接新大客户或高强度投入；需招聘或认证更多销售特种兵。");

        c("year", "Year", "年份");
        c("metric", "Metric", "指标");
        c("id", "Id", "编号");
        c("name", "Name", "名称");
        c("tier", "Tier", "层级");
        c("score", "5A score", "5A得分");
        c("rating", "5A rating", "5A评级");
        c("diagnosis", "Diagnosis", "诊断");
        c("reason", "Reason", "原因");
        c("revenue", "Revenue", "收入");
        c("account", "Account", "客户");
        c("soldier", "Soldier", "销售特种兵");
        c("product", "Product", "产品");
        c("effort", "Effort", "投入力度");
        c("hours", "Hours", "工时");
        c("totalRevenue", "Total revenue", "总收入");
        c("keyAccountRevenue", "Key-account revenue", "大客户收入");
        c("keyAccountCount", "Key accounts", "大客户数");
        c("keyAccountShare", "Key-account share", "大客户收入占比");
        c("grossProfit", "Gross profit", "毛利");
        c("ordersPerAccount", "Orders per account", "单客户订单数");
        c("orderValue", "Order value", "单笔订单金额");
        c("growth", "Growth", "增长率");
        c("target", "Target", "目标");
        c("probability", "Probability", "概率");
        c("utilization", "Utilization", "利用率");
        c("p5", "P5", "P5");
        c("p10", "P10", "P10");
        c("p25", "P25", "P25");
        c("p50", "Median (P50)", "中位数 (P50)");
        c("p75", "P75", "P75");
        c("p90", "P90", "P90");
        c("p95", "P95", "P95");
        c("mean", "Mean", "均值");
        c("stderr", "Std. error", "标准误");
        c("department", "Department", "部门");
        c("hoursUsed", "Hours used", "已用工时");
        c("capacity", "Capacity (hours)", "产能（工时）");
        c("accountsLed", "Accounts led", "负责客户数");
        c("allKeyAccountTargets", "All key-account targets together", "全部大客户目标同时达成");
        c("effortLevel", "Effort level", "投入力度");
        c("expectedUplift", "Expected uplift", "预期提升");
        c("objectiveValue", "Objective value", "目标函数贡献");
        c("fit", "Fit", "匹配度");
        c("owner", "Owner today", "当前负责人");
        c("productName", "Product name", "产品名称");
        c("winsNeeded", "Wins needed", "需赢得客户数");
        c("hoursNeeded", "Hours needed", "所需工时");
        c("headcountNeeded", "Soldiers needed", "所需人数");
        c("headcountAvailable", "Soldiers today", "现有人数");
        c("otherRevenue", "Other revenue", "其他收入");
        c("baseline", "Today", "当前");
        c("change", "Change", "变化");
        c("text", "Target (SMART)", "目标（SMART）");
        c("industry", "Industry", "行业");
        c("region", "Region", "区域");
        c("stage", "Stage", "阶段");
        c("rank", "Rank", "排名");
        c("wallet", "Wallet", "钱包规模");
        c("shareOfWallet", "Share of wallet", "钱包份额");

        pattern("(.+) — (\\d+) simulated paths, plan: (.+)", "$1 — $2 条模拟路径，方案：$3");
        pattern("Probability of meeting each yearly target — (\\d+) paths", "各年度目标达成概率 — $1 条路径");
        pattern("Sensitivity of final-year median KA revenue to ±(\\d+)% in each parameter \\((\\d+) paths per run\\)",
                "末年大客户收入中位数对各参数 ±$1% 的敏感性（每次 $2 条路径）");
        pattern("Plan minus baseline: gross profit summed over (\\d+) years", "方案减基线：$1 年累计毛利");
        pattern("Plan minus baseline: key-account revenue in (\\d+)", "方案减基线：$1 年大客户收入");
        pattern("Change in final-year median KA revenue from (.+)", "末年大客户收入中位数变化（基准 $1）");
        pattern("parameter ([−+-]\\d+%)", "参数 $1");
        pattern("Index \\((.+)\\)", "指数（$1）");
        pattern("([A-Z]{3}) per year", "$1/年");
        pattern("([A-Z]{3}) million per year", "百万 $1/年");
        chart("per year", "每年");
        chart("share of total revenue", "占总收入比例");
        chart("accounts", "个");
        chart("optimized", "优化方案");
        chart("baseline", "基线");
        chart("Revenue concentration", "收入集中度");
        chart("5A rating distribution", "5A评级分布");
        chart("5A rating (5A = most valuable)", "5A评级（5A 价值最高）");
        chart("Key-account revenue targets and their three factors", "大客户收入目标及其三要素");
        chart("Soldiers needed for the key-account targets vs soldiers today", "实现大客户目标所需销售特种兵与现有人数");
        chart("Soldiers needed for the targets", "目标所需人数");
        chart("Soldiers today", "现有人数");
        chart("Soldiers (headcount)", "销售特种兵（人数）");
        chart("Number of key accounts", "大客户数量");
        chart("Key-account share of revenue", "大客户收入占比");
        chart("Key-account revenue (bars, left axis)", "大客户收入（柱，左轴）");
        chart("Key-account count (index, right axis)", "大客户数（指数，右轴）");
        chart("Order value (index)", "单笔订单金额（指数）");
        chart("Orders per account (index)", "单客户订单数（指数）");
        chart("KA revenue target", "大客户收入目标");
        chart("KA count target", "大客户数目标");
        chart("KA share target", "大客户占比目标");
        chart("Total revenue target", "总收入目标");
        chart("All three KA targets at once", "三项大客户目标同时达成");
        chart("Number of paths", "路径数");
        chart("Paths (common random numbers)", "路径（共同随机数）");
        chart("Cumulative gross-profit uplift", "累计毛利提升");
        chart("Uplift in key-account revenue", "大客户收入提升");
        chart("Share of accounts", "客户数占比");
        chart("Share of all accounts / of total revenue (%)", "占全部客户数 / 总收入的比例（%）");
        chart("Cumulative share of active accounts (%)", "活跃客户累计占比（%）");
        chart("Cumulative share of revenue (%)", "收入累计占比（%）");
        chart("Lorenz curve (accounts ranked from smallest)", "洛伦兹曲线（客户按收入从小到大）");
        chart("Perfect equality", "完全均等");
        chart("Tier", "层级");
        chart("simulation parameter", "模拟参数");
        chart("Probability (%)", "概率（%）");
        chart("Probability of meeting the year's KA revenue target (%)", "达成当年大客户收入目标的概率（%）");
        chart("P5–P95 (90% of paths)", "P5–P95（90% 的路径）");
        chart("P25–P75 (50% of paths)", "P25–P75（50% 的路径）");
        chart("P10–P90 (80% of paths)", "P10–P90（80% 的路径）");
        chart("no difference", "无差异");
        chart("Year", "年份");
        chart("Revenue", "收入");
        chart("Accounts", "客户数");
        chart("Share of revenue", "收入占比");
        chart("Probability", "概率");
        chart("Key-account revenue", "大客户收入");
        chart("Key accounts", "大客户数");
        chart("Key-account share", "大客户收入占比");
        chart("Total revenue", "总收入");
        chart("Gross profit", "毛利");
        chart("Median", "中位数");
        chart("Median (P50)", "中位数 (P50)");
        chart("P5–P95", "P5–P95 区间");
        chart("P25–P75", "P25–P75 区间");
        chart("Target", "目标");
        chart("Targets", "目标");
        chart("Key", "大客户");
        chart("Mid", "中客户");
        chart("Small", "小客户");
        chart("Key accounts (tier)", "大客户层");
        chart("Customer pyramid", "客户金字塔");
        chart("5A rating", "5A评级");
        chart("5A ratings", "5A评级");
        chart("Lorenz curve", "洛伦兹曲线");
        chart("Cumulative share of accounts", "客户累计占比");
        chart("Cumulative share of revenue", "收入累计占比");
        chart("Equality", "完全均等");
        chart("Soldier", "销售特种兵");
        chart("Hours", "工时");
        chart("Capacity", "产能");
        chart("Utilization", "利用率");
        chart("Headcount", "人数");
        chart("Required headcount", "所需人数");
        chart("Available headcount", "现有人数");
        chart("Orders per account", "单客户订单数");
        chart("Order value", "单笔订单金额");
        chart("Probability of meeting the target", "目标达成概率");
        chart("Target-hit probability", "目标达成概率");
        chart("Sensitivity", "敏感性分析");
        chart("Baseline", "基线");
        chart("Optimized", "优化方案");
        chart("Optimized plan", "优化方案");
        chart("Uplift", "提升");
        chart("Parameter", "参数");
        chart("-20%", "-20%");
        chart("+20%", "+20%");
    }
}
