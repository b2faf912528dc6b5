package dev.kam.serve;

import dev.kam.analysis.Diagnosis;
import dev.kam.analysis.Health;
import dev.kam.analysis.Tier;
import dev.kam.domain.Layer;
import dev.kam.i18n.Lang;
import dev.kam.simulation.Metric;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every word the pages ask for exists in the serve bundle: the literal keys of app.js and index.html,
 * and the keys the page builds from codes the stages send (tiers, diagnoses, verdicts, metrics, ...).
 */
class ServeWordsTest {
    private static final Path WEB = Path.of("src/main/resources/dev/kam/serve");

    @Test
    void everyKeyThePagesUseExists() throws IOException {
        Map<String, String> en = Words.of(Lang.EN);
        String js = Files.readString(WEB.resolve("app.js"), StandardCharsets.UTF_8);
        String html = Files.readString(WEB.resolve("index.html"), StandardCharsets.UTF_8);
        TreeSet<String> used = new TreeSet<>();
        Matcher lit = Pattern.compile("'(serve\\.[A-Za-z0-9_.-]*[A-Za-z0-9_-])'").matcher(js);
        while (lit.find()) used.add(lit.group(1));
        Matcher attr = Pattern.compile("data-i18n(?:-placeholder)?=\"(serve\\.[^\"]+)\"").matcher(html);
        while (attr.find()) used.add(attr.group(1));
        List<String> codes = new ArrayList<>();
        for (Tier x : Tier.values()) codes.add("serve.tier." + x.code());
        for (Diagnosis x : Diagnosis.values()) codes.add("serve.diagnosis." + Views.code(x));
        for (Health.Verdict x : Health.Verdict.values()) codes.add("serve.verdict." + x.name().toLowerCase(Locale.ROOT));
        for (Metric x : Metric.values()) codes.add("serve.metric." + x.code());
        for (Layer x : Layer.values()) codes.add("serve.layer." + x.code());
        for (String x : List.of("sales", "marketing", "customerService")) codes.add("serve.department." + x);
        for (String x : List.of("keyAccountWins", "keyAccountCount", "orderValue", "ordersPerAccount", "keyAccountRetention")) {
            codes.add("serve.measure." + x);
        }
        for (String x : List.of("steady", "linear", "s-curve", "milestones")) codes.add("serve.path." + x);
        for (String x : List.of("starting", "analyze", "targets", "simulate", "ready")) codes.add("serve.status." + x);
        for (String x : List.of("optimized", "edited", "reoptimized", "reoptimizedWithLocks")) codes.add("serve.planLabel." + x);
        for (String x : List.of("all", "moved", "locked", "uncovered", "key")) codes.add("serve.plan.filter." + x);
        for (String x : List.of("LeadValue", "OfferValue", "OverCapacity", "Ineligible", "TooManyAccounts", "ProductOverCapacity",
                "ProductUnsuited", "ProductToUncovered", "TooManyProducts", "MustCoverUncovered")) codes.add("serve.why." + x);
        for (String x : List.of("light", "standard", "intensive")) codes.add("serve.effort." + x);
        for (String x : List.of("revenue", "count", "share", "path")) codes.add("serve.goal." + x);
        for (String x : List.of("overview", "targets", "plan", "simulation", "compare", "downloads")) codes.add("serve.nav." + x);
        for (String x : List.of("year", "kaRevenue", "growth", "kaCount", "kaShare", "orders", "orderValue", "wins", "headcount")) {
            codes.add("serve.targets.col." + x);
        }
        for (String x : List.of("name", "chance", "vsFirst", "median", "range", "medianYear", "planNote")) codes.add("serve.compare.col." + x);
        Matcher slider = Pattern.compile("code: '([A-Za-z]+)'").matcher(js);
        while (slider.find()) {
            codes.add("serve.slider." + slider.group(1));
            codes.add("serve.sliderHelp." + slider.group(1));
        }
        used.addAll(codes);
        List<String> missing = new ArrayList<>();
        for (String k : used) if (!en.containsKey(k)) missing.add(k);
        assertEquals(List.of(), missing, "keys the pages use but the bundle lacks");
    }

    @Test
    void apostrophesAreDoubledAsMessageFormatWants() {
        for (Lang l : Lang.values()) {
            for (Map.Entry<String, String> e : Words.of(l).entrySet()) {
                String v = e.getValue().replace("''", "");
                assertEquals(-1, v.indexOf('\''), l + " " + e.getKey() + ": a lone ' starts a quoted part in MessageFormat: " + e.getValue());
            }
        }
    }
}
