package dev.kam.scenario;

import dev.kam.domain.SimulationParams;
import dev.kam.io.CsvOut;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic, realistic scenarios of any size (SPEC §6 {@code kam generate}). Deterministic: the same
 * size and seed give byte-identical files. The structure follows what B2B account bases look like:
 * lognormal wallets with a Pareto tail, revenue = share of wallet × wallet, a prospect pipeline and
 * some accounts at risk, industries and regions with uneven weights, soldiers of mixed layer with
 * stars, certification and capacity, products addressing need tags, and today's owners chosen
 * among soldiers who work in the account's region and, where possible, know its industry.
 *
 * <p>Nothing here writes files: {@link #generate} returns the file contents by name.
 */
public final class Generator {
    /**
     * What to generate.
     *
     * @param accounts     accounts today, or with history the accounts at the start of the history (lost ones keep
     *                     their history; arrivals join)
     * @param historyYears calendar years of history.csv ending with the base year (0 = no history; at least 2)
     * @param truth        the parameters the history is simulated with (the "known parameters" calibration recovers);
     *                     its erosion, when derived, is made status-quo neutral for the accounts of the base year
     */
    public record Spec(int accounts, int soldiers, int products, long seed, String name, int historyYears,
                       SimulationParams truth) {
        public Spec {
            if (accounts < 1) throw new IllegalArgumentException("accounts must be at least 1");
            if (soldiers < 1) throw new IllegalArgumentException("soldiers must be at least 1");
            if (products < 1) throw new IllegalArgumentException("products must be at least 1");
            if (historyYears != 0 && (historyYears < 2 || historyYears > 30)) {
                throw new IllegalArgumentException("history years (" + historyYears + ") must be 0 or 2 to 30");
            }
            if (truth == null) truth = SimulationParams.DEFAULT;
        }

        /** A scenario without history. */
        public Spec(int accounts, int soldiers, int products, long seed, String name) {
            this(accounts, soldiers, products, seed, name, 0, SimulationParams.DEFAULT);
        }
    }

    /** The base year of every generated scenario. */
    static final int BASE_YEAR = 2026;

    static final String[] INDUSTRIES = {"manufacturing", "energy", "healthcare", "retail", "logistics", "chemicals",
            "automotive", "telecom", "construction", "finance"};
    private static final double[] INDUSTRY_WEIGHT = {0.22, 0.12, 0.10, 0.10, 0.09, 0.09, 0.09, 0.07, 0.07, 0.05};
    /** Wallet scale of each industry relative to the median. */
    private static final double[] INDUSTRY_SCALE = {1.0, 1.6, 0.9, 0.6, 0.7, 1.2, 1.4, 1.3, 1.1, 0.8};
    private static final double[] INDUSTRY_MARGIN = {0.26, 0.22, 0.38, 0.20, 0.18, 0.25, 0.21, 0.32, 0.19, 0.35};
    private static final String[] INDUSTRY_ZH = {"精密制造", "能源", "医疗", "商贸", "物流", "化工", "汽车零部件", "通信",
            "建设", "金融服务"};
    private static final String[] INDUSTRY_EN = {"Precision", "Energy", "Health", "Retail", "Logistics", "Chemical",
            "Auto Parts", "Telecom", "Construction", "Financial"};
    static final String[] REGIONS = {"east", "south", "north", "central", "southwest", "northeast"};
    private static final double[] REGION_WEIGHT = {0.32, 0.24, 0.18, 0.11, 0.09, 0.06};
    private static final String[][] CITIES = {{"上海", "苏州", "杭州", "宁波", "南京"}, {"深圳", "广州", "东莞", "佛山", "厦门"},
            {"北京", "天津", "济南", "青岛", "石家庄"}, {"武汉", "长沙", "郑州", "合肥"}, {"成都", "重庆", "昆明"},
            {"沈阳", "大连", "长春"}};
    private static final String[][] CITIES_EN = {{"Shanghai", "Suzhou", "Hangzhou", "Ningbo", "Nanjing"},
            {"Shenzhen", "Guangzhou", "Dongguan", "Foshan", "Xiamen"}, {"Beijing", "Tianjin", "Jinan", "Qingdao", "Shijiazhuang"},
            {"Wuhan", "Changsha", "Zhengzhou", "Hefei"}, {"Chengdu", "Chongqing", "Kunming"}, {"Shenyang", "Dalian", "Changchun"}};
    private static final String[] BRAND_ZH = {"恒达", "华信", "远洋", "金盛", "中科", "瑞丰", "天成", "宏图", "博远", "新锐", "鼎力", "嘉禾",
            "永泰", "东方", "海川", "立信", "正和", "盛世", "银河", "九州"};
    private static final String[] BRAND_EN = {"Hengda", "Huaxin", "Ocean", "Jinsheng", "Zhongke", "Ruifeng", "Tiancheng",
            "Hongtu", "Boyuan", "Xinrui", "Dingli", "Jiahe", "Yongtai", "Orient", "Haichuan", "Lixin", "Zhenghe", "Shengshi",
            "Galaxy", "Jiuzhou"};
    static final String[] NEEDS = {"automation", "maintenance", "energy-saving", "digital", "quality", "safety",
            "logistics", "financing", "training", "analytics", "cloud", "spare-parts", "compliance", "integration"};
    /** Need tags that each industry leans towards (indexes into NEEDS). */
    private static final int[][] INDUSTRY_NEEDS = {{0, 1, 4, 11}, {2, 1, 5, 9}, {4, 12, 3, 7}, {3, 6, 9, 10},
            {6, 3, 1, 10}, {5, 12, 2, 1}, {0, 4, 11, 13}, {10, 3, 13, 9}, {5, 7, 1, 8}, {9, 10, 12, 7}};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
            "郭", "何", "林", "罗", "高"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "勇", "艳", "杰", "军", "涛", "明", "超", "霞",
            "平", "刚", "晨", "婷", "浩", "宇", "欣", "鹏", "琳"};
    private static final String[] PRODUCT_NAMES = {"智能运维平台 Smart O&M", "节能改造方案 Energy Retrofit",
            "数字化工厂 Digital Factory", "质量追溯系统 Quality Trace", "安全巡检服务 Safety Patrol", "供应链金融 Supply Finance",
            "备件托管 Spare-parts Care", "数据分析订阅 Analytics", "云端协同 Cloud Suite", "培训认证 Academy",
            "合规审计 Compliance Audit", "系统集成 Integration", "物流优化 Logistics Optimizer", "预测性维护 Predictive Maintenance"};

    private Generator() {
    }

    /**
     * The files of a scenario by name: scenario.yaml, accounts.csv, soldiers.csv, products.csv, relationships.csv,
     * and with history history.csv.
     */
    public static Map<String, String> generate(Spec spec) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        SplittableRandom rs = root.split();
        SplittableRandom ra = root.split();
        SplittableRandom rp = root.split();
        SplittableRandom ro = root.split();
        long historySeed = root.split().nextLong();
        List<Soldier> soldiers = soldiers(spec.soldiers(), rs);
        List<Product> products = products(spec.products(), spec.accounts(), rp);
        List<Account> accounts = accounts(spec.accounts(), products, ra);
        ensureDemand(products, accounts, ra);
        List<String[]> relationships = owners(accounts, soldiers, ro);
        History history = null;
        if (spec.historyYears() > 0) {
            history = History.simulate(spec, accounts, soldiers, relationships, historySeed);
            accounts = history.today;
            Set<String> ids = new LinkedHashSet<>();
            for (Account a : accounts) ids.add(a.id);
            relationships.removeIf(x -> !ids.contains(x[1]));
        }
        markMustCover(accounts);

        Map<String, String> files = new LinkedHashMap<>();
        files.put("scenario.yaml", yaml(spec, accounts, history));
        files.put("accounts.csv", accountsCsv(accounts));
        files.put("soldiers.csv", soldiersCsv(soldiers));
        files.put("products.csv", productsCsv(products));
        files.put("relationships.csv", relationshipsCsv(relationships));
        if (history != null) files.put("history.csv", history.csv());
        return files;
    }

    // ---------------------------------------------------------------- soldiers

    private static final class Soldier {
        String id;
        String name;
        String layer;
        int stars;
        List<String> industries = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        double capacity;
        int certification;
        double cost;
        double load;
    }

    private static List<Soldier> soldiers(int n, SplittableRandom r) {
        List<Soldier> out = new ArrayList<>(n);
        int width = digits(n);
        int[] names = permutation(SURNAMES.length * GIVEN.length * GIVEN.length, n, r);
        for (int i = 0; i < n; i++) {
            Soldier s = new Soldier();
            s.id = "S" + pad(i + 1, width);
            int k = names[i];
            String given = GIVEN[k % GIVEN.length];
            int g2 = (k / GIVEN.length) % GIVEN.length;
            if (g2 % 3 != 0) given += GIVEN[g2];
            s.name = SURNAMES[(k / (GIVEN.length * GIVEN.length)) % SURNAMES.length] + given;
            double u = r.nextDouble();
            s.layer = u < 0.5 ? "base" : u < 0.85 ? "project" : "hq";
            s.stars = switch (s.layer) {
                case "base" -> 1 + r.nextInt(3);
                case "project" -> 2 + r.nextInt(3);
                default -> 3 + r.nextInt(3);
            };
            s.certification = clamp(s.stars - 2 + r.nextInt(2), 0, 3);
            s.capacity = 1200 + 50 * r.nextInt(13);
            if (s.layer.equals("hq")) {
                s.regions.add("*");
                if (r.nextDouble() < 0.4) {
                    s.industries.add("*");
                } else {
                    pickDistinct(INDUSTRIES, INDUSTRY_WEIGHT, 2 + r.nextInt(2), r, s.industries);
                }
            } else {
                pickDistinct(REGIONS, REGION_WEIGHT, s.layer.equals("base") ? 1 : 1 + r.nextInt(2), r, s.regions);
                pickDistinct(INDUSTRIES, INDUSTRY_WEIGHT, 1 + r.nextInt(s.layer.equals("base") ? 2 : 3), r, s.industries);
            }
            double layerPremium = switch (s.layer) {
                case "base" -> 0;
                case "project" -> 60_000;
                default -> 150_000;
            };
            s.cost = roundTo(220_000 + 70_000 * s.stars + layerPremium + 30_000 * r.nextGaussian(), 1000);
            out.add(s);
        }
        // every region needs someone who works in it
        for (int g = 0; g < REGIONS.length && n >= REGIONS.length; g++) {
            String reg = REGIONS[g];
            boolean covered = out.stream().anyMatch(s -> s.regions.contains(reg) || s.regions.contains("*"));
            if (!covered) out.get(g % n).regions.add(reg);
        }
        return out;
    }

    // ---------------------------------------------------------------- products

    private static final class Product {
        String id;
        String name;
        List<String> needs = new ArrayList<>();
        double price;
        double margin;
        double serviceShare;
        int capacity;
        int minRating;
    }

    private static List<Product> products(int n, int accounts, SplittableRandom r) {
        List<Product> out = new ArrayList<>(n);
        int width = digits(n);
        for (int i = 0; i < n; i++) {
            Product p = new Product();
            p.id = "P" + pad(i + 1, width);
            String base = PRODUCT_NAMES[i % PRODUCT_NAMES.length];
            p.name = i < PRODUCT_NAMES.length ? base : base + " " + (i / PRODUCT_NAMES.length + 1);
            p.needs.add(NEEDS[i % NEEDS.length]);
            if (r.nextDouble() < 0.5) {
                String extra = NEEDS[r.nextInt(NEEDS.length)];
                if (!p.needs.contains(extra)) p.needs.add(extra);
            }
            p.price = roundTo(Math.exp(Math.log(300_000) + 0.7 * r.nextGaussian()), 10_000);
            p.price = Math.max(30_000, Math.min(3_000_000, p.price));
            p.margin = round2(0.3 + 0.35 * r.nextDouble());
            p.serviceShare = round2(0.6 * r.nextDouble());
            p.capacity = Math.max(3, (int) Math.round(accounts * (0.04 + 0.12 * r.nextDouble())));
            double u = r.nextDouble();
            p.minRating = u < 0.55 ? 1 : u < 0.8 ? 2 : u < 0.95 ? 3 : 4;
            out.add(p);
        }
        return out;
    }

    // ---------------------------------------------------------------- accounts

    private static final class Account {
        String id;
        String name;
        int industry;
        int region;
        double revenue;
        double wallet;
        double margin;
        double credit;
        double difficulty;
        double serviceHours;
        double orders;
        Set<String> needs = new LinkedHashSet<>();
        String owner = "";
        String stage;
        boolean mustCover;
        /** Revenue per service hour and per order: the account's productivity, kept when its revenue changes. */
        double perHour;
        double orderValue;
    }

    private static List<Account> accounts(int n, List<Product> products, SplittableRandom r) {
        List<Account> out = new ArrayList<>(n);
        int width = digits(n);
        Set<String> usedNames = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            Account a = new Account();
            a.id = "A" + pad(i + 1, width);
            a.industry = pick(INDUSTRY_WEIGHT, r);
            a.region = pick(REGION_WEIGHT, r);
            a.name = companyName(a, r, usedNames, i);
            // lognormal wallet (median 2.5M) with a Pareto tail for the few giants
            double wallet = Math.exp(Math.log(2_500_000) + 1.1 * r.nextGaussian()) * INDUSTRY_SCALE[a.industry];
            if (r.nextDouble() < 0.04) wallet *= Math.pow(1 - r.nextDouble(), -1 / 1.6);
            a.wallet = roundTo(Math.min(wallet, 3e9), 10_000);
            double u = r.nextDouble();
            if (u < 0.12) {
                a.stage = "prospect";
                a.revenue = 0;
            } else {
                double share = 0.03 + 0.75 * Math.pow((r.nextDouble() + r.nextDouble() + r.nextDouble()) / 3, 1.6);
                a.stage = u < 0.20 ? "at-risk" : "active";
                if (a.stage.equals("at-risk")) share *= 0.6;
                a.revenue = Math.max(10_000, roundTo(share * a.wallet, 1000));
                if (a.revenue > a.wallet) a.revenue = a.wallet;
            }
            a.margin = round2(clamp(INDUSTRY_MARGIN[a.industry] + 0.07 * r.nextGaussian(), 0.05, 0.6));
            a.credit = round2(clamp(1 - 0.4 * Math.pow(r.nextDouble(), 2.5) - (a.stage.equals("at-risk") ? 0.1 : 0), 0.2, 1));
            a.difficulty = round2(clamp(0.45 + 0.15 * r.nextGaussian() + 0.06 * Math.log10(a.wallet / 2_500_000), 0.05, 0.95));
            a.perHour = 12_000 * Math.exp(0.4 * r.nextGaussian());
            a.orderValue = 150_000 * Math.exp(0.6 * r.nextGaussian());
            int prospectHours = r.nextInt(3) * 8;
            if (a.revenue > 0) {
                a.serviceHours = Math.max(8, Math.round(a.revenue / a.perHour));
                a.orders = Math.max(1, Math.round(a.revenue / a.orderValue));
            } else {
                a.serviceHours = prospectHours;
                a.orders = 0;
            }
            int[] leaning = INDUSTRY_NEEDS[a.industry];
            int k = 1 + r.nextInt(3);
            for (int j = 0; j < k; j++) {
                String need = r.nextDouble() < 0.75 ? NEEDS[leaning[r.nextInt(leaning.length)]] : NEEDS[r.nextInt(NEEDS.length)];
                a.needs.add(need);
            }
            out.add(a);
        }
        return out;
    }

    /** On small sizes a product's needs may be absent from every account: give one account its first need. */
    private static void ensureDemand(List<Product> products, List<Account> accounts, SplittableRandom r) {
        for (Product p : products) {
            boolean wanted = false;
            for (Account a : accounts) {
                for (String n : p.needs) wanted |= a.needs.contains(n);
            }
            if (!wanted) accounts.get(r.nextInt(accounts.size())).needs.add(p.needs.get(0));
        }
    }

    private static String companyName(Account a, SplittableRandom r, Set<String> used, int i) {
        String[] cities = CITIES[a.region];
        int c = r.nextInt(cities.length);
        int b = r.nextInt(BRAND_ZH.length);
        boolean english = r.nextDouble() < 0.25;
        String name = english
                ? CITIES_EN[a.region][c] + " " + BRAND_EN[b] + " " + INDUSTRY_EN[a.industry] + " Co., Ltd."
                : cities[c] + BRAND_ZH[b] + INDUSTRY_ZH[a.industry] + "有限公司";
        if (!used.add(name)) {
            name = english ? name.replace(" Co., Ltd.", " " + (i + 1) + " Co., Ltd.")
                    : cities[c] + BRAND_ZH[b] + INDUSTRY_ZH[a.industry] + "(" + (i + 1) + ")有限公司";
            used.add(name);
        }
        return name;
    }

    /**
     * Today's owners: most active accounts get a soldier who works in their region, preferably knows the industry;
     * some prospects (30%) have a soldier working to open them.
     */
    private static List<String[]> owners(List<Account> accounts, List<Soldier> soldiers, SplittableRandom r) {
        List<Account> byRevenue = new ArrayList<>(accounts);
        byRevenue.sort(Comparator.comparingDouble((Account a) -> -a.revenue).thenComparing(a -> a.id));
        List<String[]> rel = new ArrayList<>();
        double[] weights = new double[soldiers.size()];
        for (Account a : byRevenue) {
            if (r.nextDouble() >= (a.revenue > 0 ? 0.82 : 0.30)) continue;
            double hours = 40 + 25 * Math.log1p(a.revenue / 1_000_000);
            double total = 0;
            for (int j = 0; j < soldiers.size(); j++) {
                Soldier s = soldiers.get(j);
                double w = 0;
                boolean region = s.regions.contains("*") || s.regions.contains(REGIONS[a.region]);
                boolean industry = s.industries.contains("*") || s.industries.contains(INDUSTRIES[a.industry]);
                if (region && s.load + hours <= 1.1 * s.capacity) {
                    w = (industry ? 4 : 1) * (1 + 0.3 * s.stars * Math.log10(1 + a.revenue / 1_000_000));
                }
                weights[j] = w;
                total += w;
            }
            if (total <= 0) continue;
            double x = r.nextDouble() * total;
            int pick = 0;
            while (pick < weights.length - 1 && (x -= weights[pick]) > 0) pick++;
            while (weights[pick] == 0) pick--;
            Soldier s = soldiers.get(pick);
            s.load += hours;
            a.owner = s.id;
            if (r.nextDouble() < 0.15) {
                rel.add(new String[] {s.id, a.id, fmt2(0.5 + 0.45 * r.nextDouble()), "", ""});
            }
        }
        // a few pairs where a manager knows that another soldier has a strong tie to the account
        int extra = Math.max(1, accounts.size() / 50);
        Set<String> seen = new LinkedHashSet<>();
        for (String[] x : rel) seen.add(x[0] + "/" + x[1]);
        for (int i = 0; i < extra; i++) {
            Account a = accounts.get(r.nextInt(accounts.size()));
            Soldier s = soldiers.get(r.nextInt(soldiers.size()));
            if (!seen.add(s.id + "/" + a.id)) continue;
            String hours = r.nextDouble() < 0.3 ? Long.toString(60 + 10L * r.nextInt(10)) : "";
            rel.add(new String[] {s.id, a.id, fmt2(0.3 + 0.6 * r.nextDouble()), hours, ""});
        }
        rel.sort(Comparator.comparing((String[] x) -> x[1]).thenComparing(x -> x[0]));
        return rel;
    }

    private static void markMustCover(List<Account> accounts) {
        List<Account> byRevenue = new ArrayList<>(accounts);
        byRevenue.sort(Comparator.comparingDouble((Account a) -> -a.revenue).thenComparing(a -> a.id));
        int k = Math.min(accounts.size(), Math.max(1, Math.min(30, 3 + accounts.size() / 150)));
        for (int i = 0; i < k; i++) {
            if (byRevenue.get(i).revenue > 0) byRevenue.get(i).mustCover = true;
        }
    }

    // ---------------------------------------------------------------- history

    /**
     * A history simulated forward with the model of SPEC §5/§8 from the generated account base (the accounts of the
     * first history year) to the base year, with known parameters: wallets with market, industry and account shocks,
     * churn, share gain and erosion, prospect conversion and Poisson arrivals, today's owners throughout. What is
     * left in the base year is accounts.csv; lost accounts keep their history; the accounts whose revenue fell most in
     * the last year (8%) are marked at-risk. A derived erosion is made status-quo neutral for the base year's
     * accounts (a fixed point, a few rounds on the same random numbers), so the history agrees with kam's default.
     */
    static final class History {
        final List<Account> today;
        final List<String[]> rows;
        final SimulationParams truth;
        final double erosion;
        final int years;

        private History(List<Account> today, List<String[]> rows, SimulationParams truth, double erosion, int years) {
            this.today = today;
            this.rows = rows;
            this.truth = truth;
            this.erosion = erosion;
            this.years = years;
        }

        static History simulate(Spec spec, List<Account> initial, List<Soldier> soldiers, List<String[]> rel, long seed) {
            SimulationParams t = spec.truth();
            boolean derived = t.erosionDerived();
            double delta = derived ? neutral(initial, soldiers, rel, t) : t.shareErosion();
            History h = run(spec, initial, soldiers, rel, seed, delta);
            if (!derived) return h;
            // the fixed point δ = neutral(today's accounts after a history run with δ), by the secant method on the
            // same random numbers
            double prevDelta = delta;
            double prevGap = neutral(h.today, soldiers, rel, t) - delta;
            delta = delta + prevGap;
            for (int iter = 0; iter < 12; iter++) {
                h = run(spec, initial, soldiers, rel, seed, delta);
                double gap = neutral(h.today, soldiers, rel, t) - delta;
                if (Math.abs(gap) < 1e-9 || gap == prevGap) break;
                double next = Math.max(0, Math.min(1, delta - gap * (delta - prevDelta) / (gap - prevGap)));
                prevDelta = delta;
                prevGap = gap;
                delta = next;
            }
            return h;
        }

        /** The status-quo-neutral erosion of accounts (ResponseModel's, on domain copies). */
        private static double neutral(List<Account> accounts, List<Soldier> soldiers, List<String[]> rel,
                                      SimulationParams t) {
            return dev.kam.domain.ResponseModel.derivedErosion(domainAccounts(accounts), domainSoldiers(soldiers),
                    domainRelationships(rel), t);
        }

        private static History run(Spec spec, List<Account> initial, List<Soldier> soldiers, List<String[]> rel,
                                   long seed, double delta) {
            SimulationParams t = spec.truth();
            SplittableRandom r = new SplittableRandom(seed);
            int years = spec.historyYears();
            int y0 = BASE_YEAR - years + 1;
            dev.kam.domain.ResponseModel rm = new dev.kam.domain.ResponseModel(t.withDerivedErosion(delta));
            double r1 = rm.response(1.0);
            Map<String, dev.kam.domain.Soldier> dom = new LinkedHashMap<>();
            for (dev.kam.domain.Soldier so : domainSoldiers(soldiers)) dom.put(so.id(), so);
            Map<String, Double> strength = new LinkedHashMap<>();
            for (String[] x : rel) strength.put(x[0] + "\u0000" + x[1], Double.parseDouble(x[2]));

            List<Account> accts = new ArrayList<>();
            for (Account a : initial) accts.add(copy(a));
            int n0 = accts.size();
            int m = accts.size();
            double[] wallet = new double[m];
            double[] share = new double[m];
            byte[] state = new byte[m];      // 0 lost, 1 active, 2 prospect
            double[] gain = new double[m];
            double[] churn = new double[m];
            double[] conv = new double[m];
            double[] prev = new double[m];
            List<String[]> rows = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                Account a = accts.get(i);
                wallet[i] = a.wallet;
                share[i] = a.wallet > 0 ? a.revenue / a.wallet : 0;
                state[i] = a.revenue > 0 ? (byte) 1 : (byte) 2;
                boolean covered = !a.owner.isEmpty() && dom.containsKey(a.owner);
                double fit = 0;
                if (covered) {
                    Double st = strength.get(a.owner + "\u0000" + a.id);
                    fit = rm.fit(dom.get(a.owner), domain(a), st == null ? Double.NaN : st);
                }
                gain[i] = covered ? dev.kam.domain.ResponseModel.coveredRate(t.gainUncovered(), t.gainCovered(),
                        r1 * fit) : t.gainUncovered();
                churn[i] = covered ? t.churnCovered() : t.churnUncovered();
                conv[i] = covered ? dev.kam.domain.ResponseModel.coveredRate(t.conversionUncovered(),
                        t.conversionCovered(), r1 * fit) : t.conversionUncovered();
                rows.add(new String[] {a.id, Integer.toString(y0), plain(a.revenue), a.owner});
            }
            double sigma = t.growthSd();
            double am = Math.sqrt(t.corrMarket());
            double bi = Math.sqrt(t.corrIndustry());
            double ei = Math.sqrt(Math.max(0, 1 - t.corrMarket() - t.corrIndustry()));
            double[] index = new double[INDUSTRIES.length];
            Arrays.fill(index, 1.0);
            double[] factor = new double[INDUSTRIES.length];
            Set<String> names = new LinkedHashSet<>();
            for (Account a : accts) names.add(a.name);
            int width = digits(n0);
            int nextId = n0;
            for (int year = y0 + 1; year <= BASE_YEAR; year++) {
                double market = r.nextGaussian();
                for (int j = 0; j < factor.length; j++) {
                    factor[j] = (1 + t.growthMean()) * Math.exp(sigma * (am * market + bi * r.nextGaussian())
                            - sigma * sigma / 2);
                }
                int arriving = poisson(t.newProspectsPerYear(), r.nextDouble());
                for (int k = 0; k < arriving; k++) {
                    Account src = accts.get(r.nextInt(n0));
                    Account a = copy(src);
                    a.id = "A" + pad(++nextId, width);
                    a.name = companyName(a, r, names, nextId - 1);
                    a.revenue = 0;
                    a.owner = "";
                    a.stage = "prospect";
                    a.serviceHours = 0;
                    a.orders = 0;
                    a.wallet = src.wallet * index[src.industry];
                    accts.add(a);
                    wallet = grow(wallet, accts.size());
                    share = grow(share, accts.size());
                    gain = grow(gain, accts.size());
                    churn = grow(churn, accts.size());
                    conv = grow(conv, accts.size());
                    prev = grow(prev, accts.size());
                    state = java.util.Arrays.copyOf(state, accts.size());
                    int i = accts.size() - 1;
                    wallet[i] = a.wallet;
                    state[i] = 2;
                    gain[i] = t.gainUncovered();
                    churn[i] = t.churnUncovered();
                    conv[i] = t.conversionUncovered();
                }
                double idio = Math.exp(0.5 * sigma * ei * sigma * ei);
                for (int j = 0; j < factor.length; j++) index[j] *= factor[j] * idio;
                for (int i = 0; i < accts.size(); i++) {
                    Account a = accts.get(i);
                    double z = r.nextGaussian();
                    double u = r.nextDouble();
                    if (state[i] == 0) {
                        rows.add(new String[] {a.id, Integer.toString(year), "0", ""});
                        continue;
                    }
                    prev[i] = state[i] == 1 ? share[i] * wallet[i] : 0;
                    wallet[i] *= factor[a.industry] * Math.exp(sigma * ei * z);
                    if (state[i] == 1) {
                        if (u < churn[i]) {
                            state[i] = 0;
                        } else {
                            share[i] = dev.kam.domain.ResponseModel.nextShare(share[i], gain[i], t.shareCeiling(), delta);
                        }
                    } else if (u < conv[i]) {
                        state[i] = 1;
                        share[i] = t.initialShare();
                    }
                    double revenue = state[i] == 1 ? Math.round(share[i] * wallet[i]) : 0;
                    rows.add(new String[] {a.id, Integer.toString(year), plain(revenue), state[i] == 0 ? "" : a.owner});
                }
            }
            // today: what is left, at the base year's wallets and revenue
            List<Account> today = new ArrayList<>();
            List<double[]> falls = new ArrayList<>();
            for (int i = 0; i < accts.size(); i++) {
                if (state[i] == 0) continue;
                Account a = accts.get(i);
                a.wallet = Math.round(wallet[i]);
                a.revenue = state[i] == 1 ? Math.round(share[i] * wallet[i]) : 0;
                if (a.revenue > a.wallet) a.wallet = a.revenue;
                a.stage = a.revenue > 0 ? "active" : "prospect";
                if (a.revenue > 0) {
                    a.serviceHours = Math.max(8, Math.round(a.revenue / a.perHour));
                    a.orders = Math.max(1, Math.round(a.revenue / a.orderValue));
                    if (prev[i] > 0) falls.add(new double[] {a.revenue / prev[i], today.size()});
                } else {
                    a.orders = 0;
                }
                today.add(a);
            }
            // the accounts whose revenue fell most in the last year are today's at-risk accounts
            falls.sort(Comparator.comparingDouble((double[] x) -> x[0]));
            int atRisk = (int) Math.floor(0.08 * falls.size());
            for (int k = 0; k < atRisk; k++) today.get((int) falls.get(k)[1]).stage = "at-risk";
            rows.sort(Comparator.comparing((String[] x) -> x[0]).thenComparing(x -> x[1]));
            return new History(today, rows, t, delta, years);
        }

        private static double[] grow(double[] a, int n) {
            return a.length >= n ? a : Arrays.copyOf(a, Math.max(n, a.length * 2));
        }

        /** A Poisson count by inversion of one uniform. */
        private static int poisson(double lambda, double u) {
            if (!(lambda > 0)) return 0;
            double p = Math.exp(-lambda);
            double f = p;
            int k = 0;
            while (u > f && k < 100_000) {
                k++;
                p *= lambda / k;
                f += p;
            }
            return k;
        }

        String csv() {
            CsvOut csv = new CsvOut("account", "year", "revenue", "owner");
            for (String[] x : rows) csv.row((Object[]) x);
            return csv.text();
        }

        String truthComment() {
            SimulationParams t = truth;
            return String.format(Locale.ROOT, "# History %d-%d (history.csv) simulated with known parameters: "
                            + "marketGrowth %.2f (sd %.2f), correlation market %.2f / industry %.2f, churn %.3f covered / "
                            + "%.3f uncovered, shareGain %.3f / %.3f, shareErosion %.4f (status-quo neutral today), "
                            + "conversion %.3f / %.3f, initialShare %.2f, newProspectsPerYear %.1f.%n"
                            + "# `kam calibrate` should recover them within its reported errors.%n",
                    BASE_YEAR - years + 1, BASE_YEAR, t.growthMean(), t.growthSd(), t.corrMarket(), t.corrIndustry(),
                    t.churnCovered(), t.churnUncovered(), t.gainCovered(), t.gainUncovered(), erosion,
                    t.conversionCovered(), t.conversionUncovered(), t.initialShare(), t.newProspectsPerYear());
        }
    }

    private static Account copy(Account s) {
        Account a = new Account();
        a.id = s.id;
        a.name = s.name;
        a.industry = s.industry;
        a.region = s.region;
        a.revenue = s.revenue;
        a.wallet = s.wallet;
        a.margin = s.margin;
        a.credit = s.credit;
        a.difficulty = s.difficulty;
        a.serviceHours = s.serviceHours;
        a.orders = s.orders;
        a.needs = new LinkedHashSet<>(s.needs);
        a.owner = s.owner;
        a.stage = s.stage;
        a.mustCover = s.mustCover;
        a.perHour = s.perHour;
        a.orderValue = s.orderValue;
        return a;
    }

    private static dev.kam.domain.Account domain(Account a) {
        dev.kam.domain.Stage st = a.revenue > 0 ? ("at-risk".equals(a.stage) ? dev.kam.domain.Stage.AT_RISK
                : dev.kam.domain.Stage.ACTIVE) : dev.kam.domain.Stage.PROSPECT;
        return new dev.kam.domain.Account(a.id, a.name, INDUSTRIES[a.industry], REGIONS[a.region], a.revenue,
                Math.max(a.wallet, a.revenue), a.margin, a.credit, a.difficulty, a.serviceHours, a.orders, a.needs,
                a.owner.isEmpty() ? null : a.owner, st, false, Double.NaN);
    }

    private static List<dev.kam.domain.Account> domainAccounts(List<Account> accounts) {
        List<dev.kam.domain.Account> out = new ArrayList<>();
        for (Account a : accounts) out.add(domain(a));
        return out;
    }

    private static List<dev.kam.domain.Soldier> domainSoldiers(List<Soldier> soldiers) {
        List<dev.kam.domain.Soldier> out = new ArrayList<>();
        for (Soldier s : soldiers) {
            out.add(new dev.kam.domain.Soldier(s.id, s.name, dev.kam.domain.Layer.parse(s.layer), s.stars,
                    new LinkedHashSet<>(s.industries), new LinkedHashSet<>(s.regions), s.capacity, s.certification,
                    s.cost));
        }
        return out;
    }

    private static List<dev.kam.domain.Relationship> domainRelationships(List<String[]> rel) {
        List<dev.kam.domain.Relationship> out = new ArrayList<>();
        for (String[] x : rel) {
            out.add(new dev.kam.domain.Relationship(x[0], x[1], Double.parseDouble(x[2]), Double.NaN, Double.NaN));
        }
        return out;
    }

    // ---------------------------------------------------------------- files

    private static String accountsCsv(List<Account> accounts) {
        CsvOut csv = new CsvOut("id", "name", "industry", "region", "revenue", "wallet", "margin", "credit",
                "difficulty", "serviceHours", "orders", "needs", "owner", "stage", "mustCover");
        for (Account a : accounts) {
            csv.row(a.id, a.name, INDUSTRIES[a.industry], REGIONS[a.region], a.revenue, a.wallet, a.margin, a.credit,
                    a.difficulty, a.serviceHours, a.orders, String.join(";", a.needs), a.owner, a.stage,
                    a.mustCover ? "true" : "");
        }
        return csv.text();
    }

    private static String soldiersCsv(List<Soldier> soldiers) {
        CsvOut csv = new CsvOut("id", "name", "layer", "stars", "industries", "regions", "capacityHours",
                "certification", "annualCost");
        for (Soldier s : soldiers) {
            csv.row(s.id, s.name, s.layer, s.stars, String.join(";", s.industries), String.join(";", s.regions),
                    s.capacity, s.certification, s.cost);
        }
        return csv.text();
    }

    private static String productsCsv(List<Product> products) {
        CsvOut csv = new CsvOut("id", "name", "needs", "price", "margin", "serviceShare", "capacity", "minRating");
        for (Product p : products) {
            csv.row(p.id, p.name, String.join(";", p.needs), p.price, p.margin, p.serviceShare, p.capacity, p.minRating);
        }
        return csv.text();
    }

    private static String relationshipsCsv(List<String[]> rel) {
        CsvOut csv = new CsvOut("soldier", "account", "strength", "hours", "value");
        for (String[] x : rel) csv.row((Object[]) x);
        return csv.text();
    }

    /** The goals of a generated scenario, as multiples of today's key-account revenue and count. */
    static final double GOAL_REVENUE = 1.5;
    static final double GOAL_COUNT = 1.3;
    static final double GOAL_SHARE_POINTS = 0.05;

    private static String yaml(Spec spec, List<Account> accounts, History history) {
        double[] rev = accounts.stream().mapToDouble(a -> a.revenue).sorted().toArray();
        double total = Arrays.stream(rev).sum();
        // threshold at the 90th percentile of revenue, rounded to two significant digits: ~10% key accounts
        double threshold = Math.max(100_000, twoDigits(rev[Math.min(rev.length - 1, (int) Math.floor(rev.length * 0.9))]));
        int kaCount = 0;
        double kaRevenue = 0;
        for (double v : rev) {
            if (v >= threshold) {
                kaCount++;
                kaRevenue += v;
            }
        }
        double share = total > 0 ? kaRevenue / total : 0;
        double goalRevenue = twoDigits(GOAL_REVENUE * kaRevenue);
        long goalCount = Math.max(kaCount + 1, Math.round(GOAL_COUNT * kaCount));
        double goalShare = Math.min(0.9, Math.round((share + GOAL_SHARE_POINTS) * 100) / 100.0);
        StringBuilder y = new StringBuilder();
        y.append("# Generated by: kam generate --accounts ").append(spec.accounts()).append(" --soldiers ")
                .append(spec.soldiers()).append(" --products ").append(spec.products()).append(" --seed ")
                .append(spec.seed());
        if (spec.historyYears() > 0) y.append(" --history ").append(spec.historyYears());
        y.append('\n');
        y.append(String.format(Locale.ROOT, "# Today: %d accounts, %d key accounts (revenue >= threshold) with %s of %s "
                + "revenue (share %.2f).%n", accounts.size(), kaCount, plain(kaRevenue), plain(total), share));
        if (history != null) y.append(history.truthComment());
        y.append("name: ").append(quote(spec.name())).append('\n');
        y.append("currency: CNY\n");
        y.append("baseYear: ").append(BASE_YEAR).append('\n');
        y.append("tables:\n");
        y.append("  accounts: accounts.csv\n  soldiers: soldiers.csv\n  products: products.csv\n");
        y.append("  relationships: relationships.csv\n");
        if (history != null) y.append("  history: history.csv\n");
        y.append("strategy:\n");
        y.append("  horizonYears: 10\n");
        y.append("  keyAccountThreshold: ").append(plain(threshold)).append("   # raised each year with the market "
                + "(strategy.keyAccountThresholdGrowth)\n");
        y.append(String.format(Locale.ROOT, "  goals:                    # %.1fx key-account revenue, %.1fx count, share "
                + "+%.0f points in 10 years%n", GOAL_REVENUE, GOAL_COUNT, 100 * GOAL_SHARE_POINTS));
        y.append("    keyAccountRevenue: ").append(plain(goalRevenue)).append('\n');
        y.append("    keyAccountCount: ").append(goalCount).append('\n');
        y.append(String.format(Locale.ROOT, "    keyAccountRevenueShare: %.2f%n", goalShare));
        y.append("  path: steady\n");
        y.append("assignment: {timeLimit: 10s, seed: 1}\n");
        y.append("simulation: {seed: 1}\n");
        return y.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ---------------------------------------------------------------- helpers

    private static String plain(double v) {
        return String.format(Locale.ROOT, "%d", Math.round(v));
    }

    private static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static double twoDigits(double v) {
        if (v <= 0) return 0;
        double mag = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        return Math.round(v / mag) * mag;
    }

    private static double roundTo(double v, double step) {
        return Math.round(v / step) * step;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static int digits(int n) {
        return Math.max(3, Integer.toString(n).length());
    }

    private static String pad(int i, int width) {
        return String.format(Locale.ROOT, "%0" + width + "d", i);
    }

    private static int pick(double[] weights, SplittableRandom r) {
        double x = r.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.length - 1;
    }

    private static void pickDistinct(String[] names, double[] weights, int k, SplittableRandom r, List<String> out) {
        int guard = 0;
        while (out.size() < Math.min(k, names.length) && guard++ < 100) {
            String s = names[pick(weights, r)];
            if (!out.contains(s)) out.add(s);
        }
    }

    /** k distinct numbers below n (partial Fisher–Yates over a virtual range; repeats only when k > n). */
    private static int[] permutation(int n, int k, SplittableRandom r) {
        Map<Integer, Integer> swapped = new LinkedHashMap<>();
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            int idx = i % n;
            int j = idx + r.nextInt(n - idx);
            int vi = swapped.getOrDefault(idx, idx);
            int vj = swapped.getOrDefault(j, j);
            swapped.put(j, vi);
            out[i] = vj;
        }
        return out;
    }
}
