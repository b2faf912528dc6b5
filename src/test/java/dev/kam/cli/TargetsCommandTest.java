package dev.kam.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetsCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path scenario(String strategy) throws IOException {
        Files.writeString(dir.resolve("accounts.csv"), "id,name,industry,region,revenue,wallet,margin,orders,needs\n"
                + "A,Alpha,steel,east,10000000,20000000,0.3,10,erp\n"
                + "B,Beta,steel,west,6000000,10000000,0.3,20,\n"
                + "C,Gamma,food,east,2000000,3000000,0.2,30,\n"
                + "D,Delta,food,west,0,8000000,0.2,,\n"
                + "E,Epsilon,food,west,2000000,6000000,0.2,5,\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("soldiers.csv"), "id,name,stars,regions,capacityHours\nS,Sun,3,*,1600\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("products.csv"), "id,name,needs,price,margin,capacity\nP,Plan,erp,100000,0.4,10\n",
                StandardCharsets.UTF_8);
        Path p = dir.resolve("scenario.yaml");
        Files.writeString(p, "name: CLI Co.\ncurrency: CNY\nbaseYear: 2026\n"
                + "tables: {accounts: accounts.csv, soldiers: soldiers.csv, products: products.csv}\n"
                + "strategy:\n" + strategy, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void writesTheTargetsAndPrintsTableAndWarnings() throws IOException {
        Path yaml = scenario("  horizonYears: 3\n  keyAccountThreshold: 5000000\n"
                + "  goals: {keyAccountRevenue: 64000000, keyAccountCount: 4}\n  path: linear\n");
        Path outDir = dir.resolve("out");
        int code = run("targets", yaml.toString(), "--out", outDir.toString());
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.startsWith("Key-account targets for CLI Co. (linear path, threshold CNY 5,000,000)"), text);
        assertTrue(text.contains("2029 "), text);
        assertTrue(text.contains("Department targets for 2027"), text);
        assertTrue(text.contains("Sales (多客, more customers): win "), text);
        assertTrue(text.contains("Wrote " + outDir.resolve("targets")), text);
        for (String f : new String[] {"targets.csv", "departments.csv", "departments.txt", "summary.json",
                "targets.png", "targets.svg", "headcount.png", "headcount.svg"}) {
            assertTrue(Files.isRegularFile(outDir.resolve("targets").resolve(f)), f);
        }
        assertTrue(text.contains("Warnings ("), text);
        assertTrue(text.contains("  ! marketGrowth: key-account revenue must grow"), text);
        assertEquals("", err.toString());
    }

    @Test
    void badStrategyKeyIsExitTwoWithTheLine() throws IOException {
        Path yaml = scenario("  horizonYears: 3\n  path: stedy\n");
        int code = run("targets", yaml.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("scenario.yaml:7: strategy.path: 'stedy' must be one of steady, linear, "
                + "s-curve, milestones"), err.toString());
        assertFalse(Files.exists(dir.resolve("out/targets")));
    }

    @Test
    void milestoneOutsideTheHorizonIsExitTwo() throws IOException {
        Path yaml = scenario("  horizonYears: 3\n  path: milestones\n  milestones:\n"
                + "    - {year: 2040, keyAccountRevenue: 50000000}\n");
        int code = run("targets", yaml.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("scenario.yaml:9: strategy.milestones[0].year: (2040) must be between "
                + "2027 and 2029"), err.toString());
    }

    @Test
    void missingScenarioIsExitTwo() {
        assertEquals(2, run("targets", dir.resolve("nope.yaml").toString()));
        assertTrue(err.toString().contains("nope.yaml: file not found"), err.toString());
    }

    @Test
    void missingArgumentIsAUsageError() {
        assertEquals(2, run("targets"));
        assertTrue(err.toString().contains("Missing required parameter: 'SCENARIO'"), err.toString());
    }

    @Test
    void helpNamesTheOutputs() {
        assertEquals(0, run("targets", "--help"));
        assertTrue(out.toString().contains("departments.csv"), out.toString());
        assertTrue(out.toString().contains("--out"), out.toString());
        assertTrue(out.toString().contains("--set"), out.toString());
    }
}
