package dev.kam.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small valid scenario (YAML + CSV tables) into a folder, with extra YAML appended. */
public final class TestScenarioFiles {
    private TestScenarioFiles() {
    }

    public static final String ACCOUNTS = """
            id,name,industry,region,revenue,wallet,margin,credit,difficulty,serviceHours,orders,needs,owner,stage
            A1,上海恒达精密制造有限公司,manufacturing,east,9200000,20000000,0.28,0.9,0.6,420,24,automation,S1,active
            A2,深圳华信通信有限公司,telecom,south,6100000,9000000,0.33,0.85,0.5,300,18,digital,S2,active
            A3,Suzhou Ruifeng Chemical,chemicals,east,900000,40000000,0.24,0.8,0.45,160,9,safety,,active
            A4,北京远洋物流有限公司,logistics,north,1800000,4000000,0.18,0.3,0.4,90,30,digital,S3,at-risk
            A5,Prospect Co.,manufacturing,east,0,15000000,0.25,,,,,automation,,prospect
            """;
    public static final String SOLDIERS = """
            id,name,layer,stars,industries,regions,capacityHours,certification,annualCost
            S1,王伟,project,4,manufacturing,east,1600,3,620000
            S2,李娜,base,3,telecom,south,1500,2,450000
            S3,张磊,hq,5,*,*,1200,3,800000
            """;
    public static final String PRODUCTS = """
            id,name,needs,price,margin,serviceShare,capacity,minRating
            P1,Smart O&M,automation,600000,0.45,0.4,3,2
            """;

    /** The YAML's first lines; a test's extra keys start on line {@link #FIRST_EXTRA_LINE}. */
    public static final String YAML_HEAD = """
            name: Test Co.
            currency: CNY
            baseYear: 2026
            tables: {accounts: accounts.csv, soldiers: soldiers.csv, products: products.csv}
            strategy:
              keyAccountThreshold: 5000000
              goals: {keyAccountRevenueShare: 0.8, keyAccountCount: 5, keyAccountRevenue: 40000000}
            """;
    public static final int FIRST_EXTRA_LINE = 8;

    public static Path write(Path dir, String extraYaml) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("accounts.csv"), ACCOUNTS, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("soldiers.csv"), SOLDIERS, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("products.csv"), PRODUCTS, StandardCharsets.UTF_8);
        Path yaml = dir.resolve("scenario.yaml");
        Files.writeString(yaml, YAML_HEAD + extraYaml, StandardCharsets.UTF_8);
        return yaml;
    }
}
