package dev.kam.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidateCommandTest {
    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void demoIsCleanExitZeroWithSummary() {
        CliRun r = run("validate", "scenarios/demo/scenario.yaml");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("OK scenarios/demo/scenario.yaml: 351 accounts ("), r.out());
        assertTrue(r.out().contains("20 soldiers, 8 products"), r.out());
    }

    @Test
    void tinyAndVariantsAreClean() {
        assertEquals(0, run("validate", "scenarios/tiny/scenario.yaml").code());
        assertEquals(0, run("validate", "scenarios/demo-aggressive.yaml").code());
        CliRun r = run("validate", "scenarios/demo-retention.yaml");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void everyProblemOnStderrExitTwo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("s.yaml"), "name: x\nsimulation: {pathz: 5}\n");
        Files.writeString(dir.resolve("accounts.csv"), "id,name,industry,region,revenue,wallet,margin,needs\nA1,a,i,r,5,4,2,n\n");
        Files.writeString(dir.resolve("soldiers.csv"), "id,name,stars,regions,capacityHours\nS1,s,3,*,1000\n");
        Files.writeString(dir.resolve("products.csv"), "id,name,needs,price,margin,capacity\nP1,p,n,1,0.5,1\n");
        CliRun r = run("validate", dir.resolve("s.yaml").toString());
        assertEquals(2, r.code());
        assertEquals("", r.out());
        String err = r.err().replace(dir + "/", "");
        assertEquals(String.join(System.lineSeparator(),
                "accounts.csv:2: wallet: (4) must be at least revenue (5): the wallet is the account's whole yearly spend in our category",
                "accounts.csv:2: margin: (2) must be between 0 and 1 (e.g. 0.25 for 25%)",
                "s.yaml:2: simulation.pathz: unknown key (did you mean 'paths'?)",
                "3 errors; nothing was written.", ""), err);
        assertFalse(err.contains("Exception"), "no stack trace without --debug");
    }

    @Test
    void setOverridesAreValidatedAndReportedAsSet() {
        CliRun r = run("validate", "scenarios/tiny/scenario.yaml", "--set", "simulation.churn.coverd=0.1");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("--set: simulation.churn.coverd: unknown key (did you mean 'covered'?)"), r.err());
        CliRun ok = run("validate", "scenarios/tiny/scenario.yaml", "--set", "simulation.paths=100");
        assertEquals(0, ok.code(), ok.err());
    }

    @Test
    void warningsAreShownButDoNotFail(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("scenario.yaml"), "name: w\n");
        Files.writeString(dir.resolve("accounts.csv"), "id,name,industry,region,revenue,wallet,margin,stage,needs\nA1,a,i,r,5,6,0.2,prospect,n\n");
        Files.writeString(dir.resolve("soldiers.csv"), "id,name,stars,regions,capacityHours\nS1,s,3,*,1000\n");
        Files.writeString(dir.resolve("products.csv"), "id,name,needs,price,margin,capacity\nP1,p,n,1,0.5,1\n");
        CliRun r = run("validate", dir.resolve("scenario.yaml").toString());
        assertEquals(0, r.code());
        assertTrue(r.err().contains("accounts.csv:2: warning: stage: is prospect but revenue is 5"), r.err());
        assertTrue(r.out().contains("; 1 warning."), r.out());
    }

    @Test
    void missingScenarioFileExitTwo() {
        CliRun r = run("validate", "no/such/scenario.yaml");
        assertEquals(2, r.code());
        assertEquals("no/such/scenario.yaml: file not found" + System.lineSeparator() + "1 error; nothing was written."
                + System.lineSeparator(), r.err());
    }

    @Test
    void missingArgumentIsAUsageError() {
        CliRun r = run("validate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Missing required parameter: 'SCENARIO'"), r.err());
    }
}
