package dev.kam.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The seed's mechanisms (SPEC §12, keys under {@code mechanisms:}): star ratings and the salary bands they set
 * (星级评定), tiered commission and the PK bonus pool (阶梯提成, PK 奖金), the funnel of the sales process
 * (过程管理) and the rules that open account projects (项目制管理 / 113). Every default is documented in
 * docs/model.md with where it comes from.
 *
 * @param stars             how a soldier's stars are recomputed from performance, process and certification
 * @param salaryByStars     yearly base salary of 1★ … 5★ (index 0 = 1★, currency/year); NaN entries (the
 *                          default) are derived from soldiers.csv {@code annualCost}
 * @param commission        the commission scheme of every soldier whose layer has no scheme of its own
 * @param commissionByLayer schemes of single layers (分层设计), missing layers use {@code commission}
 * @param pk                the PK bonus pool (off when it has neither amount nor rate)
 * @param funnel            the stages of the sales funnel and the 3–5 rule
 * @param projects          the triggers and due dates of the three account-project processes
 * @param hiringCost        one-off cost of hiring one soldier (currency), on top of the hire's yearly cost
 * @param hires             ids of the soldiers added by {@code hiring:} (they are not in soldiers.csv)
 */
public record MechanismParams(Stars stars, double[] salaryByStars, Commission commission,
                              Map<Layer, Commission> commissionByLayer, Pk pk, Funnel funnel, Projects projects,
                              double hiringCost, List<String> hires) {
    public MechanismParams {
        Objects.requireNonNull(stars, "stars");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(pk, "pk");
        Objects.requireNonNull(funnel, "funnel");
        Objects.requireNonNull(projects, "projects");
        if (salaryByStars.length != 5) throw new IllegalArgumentException("salaryByStars needs 5 values (1★ … 5★)");
        salaryByStars = salaryByStars.clone();
        EnumMap<Layer, Commission> m = new EnumMap<>(Layer.class);
        m.putAll(commissionByLayer);
        commissionByLayer = Collections.unmodifiableMap(m);
        hires = List.copyOf(hires);
    }

    /** The seed's nine steps of the soldier's sales process (过程管理), as codes a pipeline.csv may use. */
    public static final List<String> SEED_STAGES = List.of("info", "screen", "solution", "pitch", "needs", "keyPerson",
            "relations", "signing", "service");
    /** The same steps in the seed's words, also accepted in pipeline.csv. */
    public static final List<String> SEED_STAGES_ZH = List.of("信息收集", "信息筛选", "方案制订", "品牌推介", "挖掘需求",
            "关键人私约", "商务公关", "合作签署", "销售服务");

    public static final MechanismParams DEFAULT = new MechanismParams(Stars.DEFAULT, nan5(), Commission.DEFAULT,
            Map.of(), Pk.OFF, Funnel.DEFAULT, Projects.DEFAULT, 0.0, List.of());

    private static double[] nan5() {
        double[] d = new double[5];
        Arrays.fill(d, Double.NaN);
        return d;
    }

    @Override
    public double[] salaryByStars() {
        return salaryByStars.clone();
    }

    /** The scheme that pays a soldier of this layer. */
    public Commission commissionFor(Layer layer) {
        Commission c = commissionByLayer.get(layer);
        return c == null ? commission : c;
    }

    /** A copy naming the soldiers that {@code hiring:} added. */
    public MechanismParams withHires(List<String> hireIds) {
        return new MechanismParams(stars, salaryByStars, commission, commissionByLayer, pk, funnel, projects,
                hiringCost, hireIds);
    }

    /**
     * Star rating rules (星级评定: 业绩指标, 过程指标, 通关指标). The score is
     * {@code performance·P + process·Q + certification·C}, each part 0–1; the stars are 1 plus the number of
     * cuts at or below the score.
     *
     * @param performance      weight of performance (revenue delivered against the soldier's share of the target)
     * @param process          weight of process (the soldier's funnel against the 3–5 rule)
     * @param certification    weight of certification (level / 3)
     * @param cuts             lowest score of 2★, 3★, 4★, 5★, non-decreasing, each 0–1
     * @param fullAttainment   attainment (delivered / quota) that earns the full performance score
     * @param eliminationStars stars at or below which a soldier is on the elimination track (以星级作为淘汰标准)
     * @param eliminationYears consecutive years at or below {@code eliminationStars} that end a soldier's
     *                         coverage (0 = never)
     * @param takesLeads       whether the simulation takes leads away by the re-rated stars (eligibility by
     *                         {@code assignment.eligibility.minStars} and elimination); the key
     *                         {@code mechanisms.stars.takeLeads}, true when the scenario has a {@code mechanisms:}
     *                         section, false without one (then the stars only set pay)
     * @param anchored         the simulated stars move from the listed ones: each re-rating is the listed stars
     *                         plus the formula's stars of the year minus the formula's stars of the base-year
     *                         review, within 1–5 (the key {@code mechanisms.stars.anchor: listed}, the default
     *                         when read from a scenario); false: the formula's stars themselves
     *                         ({@code anchor: formula})
     */
    public record Stars(double performance, double process, double certification, double[] cuts,
                        double fullAttainment, int eliminationStars, int eliminationYears, boolean takesLeads,
                        boolean anchored) {
        public Stars {
            if (cuts.length != 4) throw new IllegalArgumentException("star cuts need 4 values (2★ … 5★)");
            cuts = cuts.clone();
        }

        /** Rules re-rating by the formula alone (not anchored on the listed stars). */
        public Stars(double performance, double process, double certification, double[] cuts, double fullAttainment,
                     int eliminationStars, int eliminationYears, boolean takesLeads) {
            this(performance, process, certification, cuts, fullAttainment, eliminationStars, eliminationYears,
                    takesLeads, false);
        }

        /** Rules that do not take leads away. */
        public Stars(double performance, double process, double certification, double[] cuts, double fullAttainment,
                     int eliminationStars, int eliminationYears) {
            this(performance, process, certification, cuts, fullAttainment, eliminationStars, eliminationYears, false);
        }

        public static final Stars DEFAULT = new Stars(0.5, 0.3, 0.2, new double[] {0.4, 0.6, 0.75, 0.9}, 1.5, 1, 2);

        /** The same rules, taking leads away or not. */
        public Stars withTakesLeads(boolean take) {
            return new Stars(performance, process, certification, cuts, fullAttainment, eliminationStars,
                    eliminationYears, take, anchored);
        }

        @Override
        public double[] cuts() {
            return cuts.clone();
        }
    }

    /** What commission is paid on. */
    public enum Basis {
        REVENUE("revenue"), GROSS_PROFIT("grossProfit");

        private final String code;

        Basis(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** How tiers apply: to the slice of the amount inside each tier (超额累进), or to the whole amount (全额累进). */
    public enum Method {
        MARGINAL("marginal"), WHOLE("whole");

        private final String code;

        Method(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * One tier: attainments up to {@code upTo} (exclusive of the previous tier's bound, inclusive of this one)
     * pay {@code rate}. The last tier is open: {@code upTo} is +∞ (written {@code above: x} in the YAML).
     *
     * @param upTo upper attainment of the tier (1.0 = 100% of quota), +∞ for the open top tier
     * @param rate commission rate 0–1 on the basis
     */
    public record Tier(double upTo, double rate) {
        public Tier {
            if (!(upTo > 0)) throw new IllegalArgumentException("a tier's upper attainment must be above 0, got " + upTo);
            if (!(rate >= 0 && rate <= 1)) throw new IllegalArgumentException("a tier's rate must be 0–1, got " + rate);
        }
    }

    /**
     * A tiered commission scheme (阶梯提成).
     *
     * @param basis            revenue or gross profit
     * @param method           marginal (default) or whole-amount
     * @param tiers            tiers with increasing {@code upTo}, the last one open (+∞)
     * @param cap              most commission one soldier earns in a year (currency, 封顶), +∞ for no cap
     * @param keyAccountWeight how much a unit of key-account basis counts (大客户的政策倾斜), 1 = like any other
     */
    public record Commission(Basis basis, Method method, List<Tier> tiers, double cap, double keyAccountWeight) {
        public Commission {
            Objects.requireNonNull(basis, "basis");
            Objects.requireNonNull(method, "method");
            tiers = List.copyOf(tiers);
            if (tiers.isEmpty()) throw new IllegalArgumentException("a commission scheme needs at least one tier");
            for (int i = 1; i < tiers.size(); i++) {
                if (!(tiers.get(i).upTo() > tiers.get(i - 1).upTo())) {
                    throw new IllegalArgumentException("tiers must have increasing upTo");
                }
            }
            if (tiers.get(tiers.size() - 1).upTo() != Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("the last tier must be open (above)");
            }
            if (!(cap > 0)) throw new IllegalArgumentException("cap must be above 0, got " + cap);
            if (!(keyAccountWeight >= 0)) throw new IllegalArgumentException("keyAccountWeight must be at least 0");
        }

        /** SPEC §12's example: 1% up to 80% of quota, 2% up to 100%, 4% above, on revenue, marginal, no cap. */
        public static final Commission DEFAULT = new Commission(Basis.REVENUE, Method.MARGINAL,
                List.of(new Tier(0.8, 0.01), new Tier(1.0, 0.02), new Tier(Double.POSITIVE_INFINITY, 0.04)),
                Double.POSITIVE_INFINITY, 1.0);
    }

    /** How the PK pool is split among its winners. */
    public enum Split {
        EQUAL("equal"), PROPORTIONAL("proportional"), RANK("rank");

        private final String code;

        Split(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * The PK bonus pool (战役活动: PK 奖金): a yearly pool for the top share of soldiers ranked by attainment.
     *
     * @param amount        fixed pool per year (currency), 0 for none
     * @param rate          pool as a share of the basis all soldiers delivered (0–1), added to {@code amount}
     * @param top           share of soldiers that win (0–1); the winners are the floor of top × soldiers, at least 1
     * @param split         equal, proportional to attainment, or by rank (n, n−1, …, 1)
     * @param minAttainment lowest attainment that may win (e.g. 1.0: only soldiers at quota)
     */
    public record Pk(double amount, double rate, double top, Split split, double minAttainment) {
        public Pk {
            Objects.requireNonNull(split, "split");
        }

        public static final Pk OFF = new Pk(0, 0, 0.2, Split.EQUAL, 1.0);

        /** Whether any pool is paid. */
        public boolean on() {
            return (amount > 0 || rate > 0) && top > 0;
        }
    }

    /**
     * The sales funnel.
     *
     * @param stages        stage names in order (step 1 first); {@link #SEED_STAGES} by default
     * @param seedStages    true when the stages are the seed's nine (their Chinese names are then accepted too)
     * @param activeFrom    first step at which an opportunity counts as an active prospect (意向客户)
     * @param activeTo      last such step
     * @param wonStage      the step that means signed (合作签署)
     * @param minProspects  the rule's lowest number of active prospects per soldier (3)
     * @param maxProspects  the rule's highest (5)
     * @param cycleYears    years from the first active step to signing, used when pipeline.csv has no
     *                      expectedClose dates
     * @param asOf          date of the pipeline snapshot; null = 31 December of the base year
     */
    public record Funnel(List<String> stages, boolean seedStages, int activeFrom, int activeTo, int wonStage,
                         int minProspects, int maxProspects, double cycleYears, LocalDate asOf) {
        public Funnel {
            stages = List.copyOf(stages);
            if (stages.size() < 2) throw new IllegalArgumentException("a funnel needs at least 2 stages");
            if (wonStage < 2 || wonStage > stages.size()) throw new IllegalArgumentException("wonStage out of range");
            if (activeFrom < 1 || activeFrom > activeTo || activeTo >= wonStage) {
                throw new IllegalArgumentException("active stages must satisfy 1 ≤ activeFrom ≤ activeTo < wonStage");
            }
            if (minProspects < 0 || maxProspects < minProspects) throw new IllegalArgumentException("prospect rule");
        }

        public static final Funnel DEFAULT = new Funnel(SEED_STAGES, true, 3, 7, 8, 3, 5, 1.0, null);

        /** Number of stages. */
        public int size() {
            return stages.size();
        }

        /**
         * The step number (1-based) of a stage cell: a number 1…size, a stage name (case-insensitive), or for the
         * seed's stages their Chinese name; 0 when it is none of these.
         */
        public int step(String cell) {
            String t = cell.trim();
            if (t.matches("\\d{1,3}")) {
                int n = Integer.parseInt(t);
                return n >= 1 && n <= stages.size() ? n : 0;
            }
            String lower = t.toLowerCase(Locale.ROOT);
            for (int i = 0; i < stages.size(); i++) {
                if (stages.get(i).toLowerCase(Locale.ROOT).equals(lower)) return i + 1;
            }
            if (seedStages) {
                int i = SEED_STAGES_ZH.indexOf(t);
                if (i >= 0) return i + 1;
            }
            return 0;
        }

        /** Whether an opportunity at this step is an active prospect. */
        public boolean active(int step) {
            return step >= activeFrom && step <= activeTo;
        }

        /** The snapshot date, 31 December of the base year unless set. */
        public LocalDate asOf(int baseYear) {
            return asOf != null ? asOf : LocalDate.of(baseYear, 12, 31);
        }
    }

    /**
     * When the three account-project processes (评估立项, 挖潜整改, 减量整改) open, and how long each may take.
     *
     * @param mineShareRatio a key account whose share of wallet is below this × the share ceiling has potential
     *                       to mine
     * @param declineDrop    a yearly revenue fall of more than this share (0.05 = 5%) is a decline to fix
     * @param assessDays     days from the start of the plan year to decide an assess-and-open project
     * @param mineDays       days to finish a mine-potential plan
     * @param declineDays    days to finish a fix-decline plan
     */
    public record Projects(double mineShareRatio, double declineDrop, int assessDays, int mineDays, int declineDays) {
        public static final Projects DEFAULT = new Projects(0.5, 0.05, 60, 90, 30);
    }
}
