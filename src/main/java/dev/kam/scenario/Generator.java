package dev.kam.scenario;

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
    /** What to generate. */
    public record Spec(int accounts, int soldiers, int products, long seed, String name) {
        public Spec {
            if (accounts < 1) throw new IllegalArgumentException("accounts must be at least 1");
            if (soldiers < 1) throw new IllegalArgumentException("soldiers must be at least 1");
            if (products < 1) throw new IllegalArgumentException("products must be at least 1");
        }
    }

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

    /** The files of a scenario by name: scenario.yaml, accounts.csv, soldiers.csv, products.csv, relationships.csv. */
    public static Map<String, String> generate(Spec spec) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        SplittableRandom rs = root.split();
        SplittableRandom ra = root.split();
        SplittableRandom rp = root.split();
        SplittableRandom ro = root.split();
        List<Soldier> soldiers = soldiers(spec.soldiers(), rs);
        List<Product> products = products(spec.products(), spec.accounts(), rp);
        List<Account> accounts = accounts(spec.accounts(), products, ra);
        ensureDemand(products, accounts, ra);
        List<String[]> relationships = owners(accounts, soldiers, ro);
        markMustCover(accounts);

        Map<String, String> files = new LinkedHashMap<>();
        files.put("scenario.yaml", yaml(spec, accounts));
        files.put("accounts.csv", accountsCsv(accounts));
        files.put("soldiers.csv", soldiersCsv(soldiers));
        files.put("products.csv", productsCsv(products));
        files.put("relationships.csv", relationshipsCsv(relationships));
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
            if (a.revenue > 0) {
                double perHour = 12_000 * Math.exp(0.4 * r.nextGaussian());
                a.serviceHours = Math.max(8, Math.round(a.revenue / perHour));
                double orderValue = 150_000 * Math.exp(0.6 * r.nextGaussian());
                a.orders = Math.max(1, Math.round(a.revenue / orderValue));
            } else {
                a.serviceHours = r.nextInt(3) * 8;
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

    /** Today's owners: most active accounts get a soldier who works in their region, preferably knows the industry. */
    private static List<String[]> owners(List<Account> accounts, List<Soldier> soldiers, SplittableRandom r) {
        List<Account> byRevenue = new ArrayList<>(accounts);
        byRevenue.sort(Comparator.comparingDouble((Account a) -> -a.revenue).thenComparing(a -> a.id));
        List<String[]> rel = new ArrayList<>();
        double[] weights = new double[soldiers.size()];
        for (Account a : byRevenue) {
            if (a.revenue <= 0 || r.nextDouble() >= 0.82) continue;
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

    private static String yaml(Spec spec, List<Account> accounts) {
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
        double goalRevenue = twoDigits(3.5 * kaRevenue);
        long goalCount = Math.max(kaCount + 1, Math.round(2.6 * kaCount));
        double goalShare = Math.min(0.9, Math.round((share + 0.22) * 100) / 100.0);
        StringBuilder y = new StringBuilder();
        y.append("# Generated by: kam generate --accounts ").append(spec.accounts()).append(" --soldiers ")
                .append(spec.soldiers()).append(" --products ").append(spec.products()).append(" --seed ")
                .append(spec.seed()).append('\n');
        y.append(String.format(Locale.ROOT, "# Today: %d key accounts (revenue >= threshold) with %s of %s revenue (share %.2f).%n",
                kaCount, plain(kaRevenue), plain(total), share));
        y.append("name: ").append(quote(spec.name())).append('\n');
        y.append("currency: CNY\n");
        y.append("baseYear: 2026\n");
        y.append("tables:\n");
        y.append("  accounts: accounts.csv\n  soldiers: soldiers.csv\n  products: products.csv\n");
        y.append("  relationships: relationships.csv\n");
        y.append("strategy:\n");
        y.append("  horizonYears: 10\n");
        y.append("  keyAccountThreshold: ").append(plain(threshold)).append('\n');
        y.append("  goals:                    # ambitious: 3.5x key-account revenue, 2.6x count; near even odds under the default model\n");
        y.append("    keyAccountRevenue: ").append(plain(goalRevenue)).append('\n');
        y.append("    keyAccountCount: ").append(goalCount).append('\n');
        y.append(String.format(Locale.ROOT, "    keyAccountRevenueShare: %.2f%n", goalShare));
        y.append("  path: steady\n");
        y.append("assignment: {timeLimit: 10s, seed: 1}\n");
        y.append("simulation: {paths: 2000, seed: 1}\n");
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
