package dev.kam.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A small valid scenario in a folder, whose files tests replace one at a time to break them. */
final class Fixture {
    static final String YAML = """
            name: Fixture
            currency: CNY
            baseYear: 2026
            tables: {accounts: accounts.csv, soldiers: soldiers.csv, products: products.csv}
            strategy:
              horizonYears: 10
              keyAccountThreshold: 1000000
            """;
    static final String ACCOUNTS = """
            id,name,industry,region,revenue,wallet,margin,credit,difficulty,serviceHours,orders,needs,owner,stage,mustCover,baseHours
            A1,上海恒达精密制造有限公司,manufacturing,east,2000000,5000000,0.3,0.9,0.4,100,12,automation;maintenance,S1,active,true,
            A2,Beta Ltd,energy,north,500000,900000,0.2,,,,,digital,S2,,,
            A3,Gamma,energy,north,0,3000000,0.25,,,,,,,prospect,,
            """;
    static final String SOLDIERS = """
            id,name,layer,stars,industries,regions,capacityHours,certification,annualCost
            S1,王伟,project,4,manufacturing;energy,east,1500,2,500000
            S2,Li Na,base,3,*,*,1600,1,
            """;
    static final String PRODUCTS = """
            id,name,needs,price,margin,serviceShare,capacity,minRating
            P1,智能运维平台,maintenance;automation,300000,0.4,0.2,5,2
            P2,Cloud,digital,100000,0.5,,3,
            """;

    final Path dir;

    Fixture(Path dir) {
        this.dir = dir;
        write("scenario.yaml", YAML);
        write("accounts.csv", ACCOUNTS);
        write("soldiers.csv", SOLDIERS);
        write("products.csv", PRODUCTS);
    }

    Fixture write(String name, String text) {
        return write(name, text, StandardCharsets.UTF_8);
    }

    Fixture write(String name, String text, Charset cs) {
        return bytes(name, text.getBytes(cs));
    }

    Fixture bytes(String name, byte[] content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path yaml() {
        return dir.resolve("scenario.yaml");
    }

    ScenarioReader.Result validate(String... overrides) {
        return ScenarioReader.validate(yaml(), List.of(overrides));
    }

    /** Every problem as printed, with the folder prefix removed: "accounts.csv:3: margin: ...". */
    List<String> problems(String... overrides) {
        String prefix = dir.toString() + "/";
        return validate(overrides).problems().all().stream().map(p -> p.toString().replace(prefix, ""))
                .collect(Collectors.toList());
    }

    /** The accounts table with data lines appended after the fixture's rows, padded to the 16 columns. */
    static String accountsWith(String... lines) {
        StringBuilder sb = new StringBuilder(ACCOUNTS);
        for (String line : lines) {
            sb.append(line).append(",".repeat(Math.max(0, 15 - commas(line)))).append('\n');
        }
        return sb.toString();
    }

    /** Commas outside quotes. */
    private static int commas(String line) {
        int n = 0;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted) n++;
        }
        return n;
    }
}
