package dev.kam.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #10 item 4 through {@code kam validate}: invisible characters, UTF-16, misplaced underscores,
 * links and folders given as tables, control characters printed to the terminal, a bad number that must
 * not also be "revenue 0", and hexadecimal numbers. Each asserts the exit code, the message, and that
 * the input files are unchanged.
 */
class HygieneTest {
    @TempDir
    Path dir;
    private final Map<Path, byte[]> before = new HashMap<>();

    static final String SOLDIERS = "id,name,stars,regions,capacityHours\nS1,王伟,3,*,1000\n";
    static final String PRODUCTS = "id,name,needs,price,margin,capacity\nP1,p,automation,1,0.5,1\n";

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(dir.resolve("scenario.yaml"), "name: h\nbaseYear: 2026\n");
        Files.writeString(dir.resolve("soldiers.csv"), SOLDIERS);
        Files.writeString(dir.resolve("products.csv"), PRODUCTS);
    }

    private CliRun validate(String accounts) throws Exception {
        Files.writeString(dir.resolve("accounts.csv"), accounts, StandardCharsets.UTF_8);
        return validate();
    }

    private CliRun validate() throws Exception {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) if (Files.isRegularFile(p)) before.put(p, Files.readAllBytes(p));
        }
        CliRun r = CliRun.of("validate", dir.toString());
        for (Map.Entry<Path, byte[]> e : before.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(e.getKey()), e.getKey() + " must not change");
        }
        return r;
    }

    private String err(CliRun r) {
        return r.err().replace(dir + "/", "");
    }

    @Test
    void invisibleCharactersInIdsAndTagsAreStrippedWithANoteAndMatchRightly() throws Exception {
        CliRun r = validate("id,name,industry,region,revenue,wallet,margin,needs,owner\n"
                + "A1\u200B,n,energy,east\u00A0,5,6,0.2,automation\u200B;\uFEFFdigital,S1\uFEFF\n");
        assertEquals(0, r.code(), r.err());
        String err = err(r);
        assertTrue(err.contains("accounts.csv: note: id: 1 invisible character was removed or made plain spaces (U+200B "
                + "zero-width space ×1)"), err);
        assertTrue(err.contains("accounts.csv: note: owner: 1 invisible character was removed or made plain spaces (U+FEFF "
                + "byte-order mark ×1)"), err);
        assertTrue(err.contains("accounts.csv: note: needs: 2 invisible characters"), err);
        assertFalse(err.contains("can never be offered"), "automation\u200B matched the product's automation: " + err);
        assertFalse(err.contains("not the id"), "S1\uFEFF matched S1: " + err);
        assertTrue(r.out().startsWith("OK "), r.out());
    }

    @Test
    void utf16IsRefusedWithAUtf8Hint() throws Exception {
        byte[] text = "id,name\nA1,x\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[text.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(text, 0, bytes, 2, text.length);
        Files.write(dir.resolve("accounts.csv"), bytes);
        CliRun r = validate();
        assertEquals(2, r.code());
        assertTrue(err(r).startsWith("accounts.csv: is UTF-16 text (what Excel's 'Unicode Text' writes); in Excel use Save As "
                + "> 'CSV UTF-8 (comma delimited)' and name that file here"), err(r));
        assertFalse(r.err().contains("encoding: gbk"), r.err());
    }

    @Test
    void underscoresOutsideDigitsAreRefused() throws Exception {
        CliRun r = validate("id,name,industry,region,revenue,wallet,margin,needs\nA1,n,e,r,_1000,1000_,0.2,automation\n"
                + "A2,n,e,r,1_000,2_000,0.2,automation\n");
        assertEquals(2, r.code());
        assertEquals("accounts.csv:2: revenue: '_1000' is not a number ('_' may only stand between digits, as in 1_000)\n"
                + "accounts.csv:2: wallet: '1000_' is not a number ('_' may only stand between digits, as in 1_000)\n"
                + "2 errors; nothing was written.\n", err(r).replace(System.lineSeparator(), "\n").replaceAll("(?m)^.*note:.*\n", ""));
    }

    @Test
    void aSymlinkLoopADanglingLinkAndAFolderSaySo() throws Exception {
        Files.writeString(dir.resolve("accounts.csv"), "id,name,industry,region,revenue,wallet,margin\nA1,n,e,r,1,2,0.2\n");
        Files.createSymbolicLink(dir.resolve("loop.csv"), Path.of("loop2.csv"));
        Files.createSymbolicLink(dir.resolve("loop2.csv"), Path.of("loop.csv"));
        Files.createSymbolicLink(dir.resolve("gone.csv"), Path.of("nowhere.csv"));
        Files.createDirectories(dir.resolve("folder.csv"));
        Files.writeString(dir.resolve("scenario.yaml"), "name: h\nbaseYear: 2026\ntables: {accounts: loop.csv, soldiers: "
                + "gone.csv, products: folder.csv}\n");
        CliRun r = validate();
        assertEquals(2, r.code());
        String err = err(r);
        assertTrue(err.contains("loop.csv: is a symbolic link that loops (it leads back to loop.csv)"), err);
        assertTrue(err.contains("gone.csv: is a symbolic link to nowhere.csv, which does not exist"), err);
        assertTrue(err.contains("folder.csv: is not a file"), err);
        assertFalse(err.contains("not found"), err);
    }

    @Test
    void controlCharactersAreEscapedWhenPrinted() throws Exception {
        CliRun r = validate("id,name,industry,region,revenue,wallet,margin\nA\u0007,\u001B[31mRed Co,energy,east,1,2,7\n");
        assertEquals(2, r.code());
        assertFalse(r.err().contains("\u001B"), "no raw ESC on the terminal");
        assertFalse(r.err().contains("\u0007"), "no raw BEL on the terminal");
        String err = err(r);
        assertTrue(err.contains("accounts.csv:2: id: 'A\\u0007' contains a control character; an id must be printable text"),
                err);
        assertTrue(err.contains("accounts.csv:2: warning: name: '\\u001B[31mRed Co' contains a control character (shown "
                + "escaped); remove it"), err);
    }

    @Test
    void anUnparseableRevenueIsOneErrorNotAlsoAZeroRevenueWarning() throws Exception {
        CliRun r = validate("id,name,industry,region,revenue,wallet,margin,stage,needs\nA1,n,energy,east,lots,2,0.2,active,"
                + "automation\n");
        assertEquals(2, r.code());
        assertEquals("accounts.csv:2: revenue: 'lots' is not a number\n1 error; nothing was written.\n",
                err(r).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void hexadecimalGetsItsOwnMessage() throws Exception {
        CliRun r = validate("id,name,industry,region,revenue,wallet,margin,needs\nA1,n,energy,east,0x10,100,0.2,automation\n");
        assertEquals(2, r.code());
        assertTrue(err(r).startsWith("accounts.csv:2: revenue: '0x10' is a hexadecimal number; write it in decimal (16)"),
                err(r));
    }
}
