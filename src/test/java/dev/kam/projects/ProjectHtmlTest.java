package dev.kam.projects;

import dev.kam.domain.Account;
import dev.kam.domain.Scenario;
import dev.kam.domain.Stage;
import dev.kam.i18n.Lang;
import dev.kam.i18n.Messages;
import dev.kam.mechanisms.MechanismFixtures;
import dev.kam.mechanisms.SalaryBands;
import dev.kam.mechanisms.StarReview;
import dev.kam.funnel.FunnelAnalysis;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operating report pages: the seven parts, escaped data, safe and unique file names. */
class ProjectHtmlTest {
    private static AccountProjects.Result result(Scenario s) {
        List<StarReview.Row> stars = StarReview.review(s, FunnelAnalysis.analyze(s).processScores(),
                SalaryBands.resolve(s.mechanisms(), s.soldiers()));
        return AccountProjects.build(s, MechanismFixtures.handAnalysis(s), MechanismFixtures.plan(s,
                MechanismFixtures.handLeads()), stars);
    }

    @Test
    void sevenPartsInChineseWithTheDataEscaped() {
        Scenario h = MechanismFixtures.hand();
        List<Account> accounts = new ArrayList<>(h.accounts());
        Account k1 = accounts.get(0);
        accounts.set(0, new Account(k1.id(), "<script>alert('x')</script> & Co", k1.industry(), k1.region(),
                k1.revenue(), k1.wallet(), k1.margin(), k1.credit(), k1.difficulty(), k1.serviceHours(), k1.orders(),
                k1.needs(), k1.owner(), Stage.ACTIVE, false, Double.NaN));
        Scenario s = new Scenario(h.name(), h.currency(), h.baseYear(), h.source(), accounts, h.soldiers(), h.products(),
                h.relationships(), h.analysis(), h.strategy(), h.assignment(), h.simulation(), h.history(), h.pipeline(),
                h.mechanisms());
        AccountProjects.Result r = result(s);
        OperatingReport rep = r.reports().get(1);
        ProjectHtml view = new ProjectHtml(Messages.of(Lang.ZH), "示例", ProjectHtml.fileNames(List.of(rep.accountId())));
        String html = view.report(rep);
        assertFalse(html.contains("<script>"), "user data must be escaped");
        Document d = Jsoup.parse(html);
        assertEquals("zh-CN", d.select("html").attr("lang"));
        List<String> h2 = d.select("h2").eachText();
        assertEquals(List.of("已启动的流程", "1. 客户整体情况", "2. 维护客户情况", "3. 大客户增量或减量情况",
                "4. 确定挖潜对象及目标", "5. 竞争对手分析", "6. 团队管理情况", "7. 下一步重点工作"), h2);
        assertTrue(d.select("h1").text().contains("<script>alert('x')</script> & Co"));
        assertTrue(d.text().contains("挖潜整改"));
        assertEquals(0, d.select("script").size());
        assertTrue(d.select("link[href^=http], img[src^=http]").isEmpty(), "self-contained");

        String index = view.index(r.reports(), r.register(), "CNY");
        Document idx = Jsoup.parse(index);
        assertEquals(r.register().size(), idx.select("section").get(0).select("tbody tr").size());
        assertEquals("K1.html", idx.select("a:contains(Co)").attr("href"));
    }

    @Test
    void fileNamesAreSafeAndUnique() {
        Map<String, String> f = ProjectHtml.fileNames(List.of("A1", "a1", "../x", "客户/1", "index", "A.B"));
        assertEquals("A1.html", f.get("A1"));
        assertEquals("a1-2.html", f.get("a1"));                        // case-insensitive file systems
        assertEquals("account-_2e_2e_2fx.html", f.get("../x"));
        assertTrue(f.get("客户/1").matches("account-[A-Za-z0-9_]+\\.html"));
        assertEquals("index-2.html", f.get("index"));                  // index.html is the register page
        assertEquals("A.B.html", f.get("A.B"));
        assertEquals(6, f.values().stream().distinct().count());
    }
}
