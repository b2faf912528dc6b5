package dev.kam.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kam.cli.ValidateCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCommandTest {
    @Test
    void writesAValidScenarioDeterministically(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        CliRun r = run("generate", "--accounts", "150", "--soldiers", "12", "--products", "6",
                "--seed", "5", "--out", a.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("150 accounts, 12 soldiers, 6 products, seed 5"), r.out());
        assertEquals(0, run("generate", "--accounts", "150", "--soldiers", "12", "--products", "6", "--seed", "5",
                "--out", b.toString()).code());
        for (String f : new String[] {"scenario.yaml", "accounts.csv", "soldiers.csv", "products.csv", "relationships.csv"}) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        CliRun v = run("validate", a.resolve("scenario.yaml").toString());
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().contains("150 accounts"), v.out());
    }

    @Test
    void regeneratesOverAnEarlierScenarioButNeverOverOtherFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("s");
        assertEquals(0, run("generate", "--accounts", "20", "--soldiers", "3", "--products", "2", "--out", out.toString()).code());
        assertEquals(0, run("generate", "--accounts", "30", "--soldiers", "3", "--products", "2", "--out", out.toString()).code());
        assertTrue(Files.readString(out.resolve("scenario.yaml")).contains("--accounts 30"));
        Files.writeString(dir.resolve("notes.txt"), "keep me");
        CliRun r = run("generate", "--accounts", "20", "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("kam: --out " + dir + " holds files kam did not write there (notes.txt, s)"), r.err());
        assertEquals("keep me", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    void badSizesAreUsageErrors(@TempDir Path dir) {
        CliRun r = run("generate", "--accounts", "0", "--out", dir.resolve("x").toString());
        assertEquals(2, r.code());
        assertEquals("kam: --accounts (0) must be between 1 and 1000000" + System.lineSeparator(), r.err());
        assertEquals(2, run("generate", "--accounts", "ten", "--out", dir.toString()).code());
        assertEquals(2, run("generate", "--accounts", "10").code(), "--out is required");
    }
}
