package dev.kam.cli;

import dev.kam.io.CsvOut;
import dev.kam.scenario.Template;
import dev.kam.xlsx.TemplateWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code kam init DIR [--xlsx]}: an empty, documented scenario template in a new or empty folder:
 * scenario.yaml with every top-level section explained, and each table with its header and one example
 * row, as CSV files or as one workbook (tables.xlsx) with drop-down lists for the columns that have a
 * fixed set of values. It never writes into a folder that holds anything, and never replaces a file.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write an empty, documented scenario template into DIR (a new or empty folder).",
                "Each table has its header and one example row; 'kam validate DIR' passes on it as written."},
        footer = {"", "Examples:", "  kam init my-scenario", "  kam init my-scenario --xlsx"})
public final class InitCommand implements Callable<Integer> {
    /** The workbook a --xlsx template holds its tables in. */
    public static final String WORKBOOK = "tables.xlsx";

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to create (or an empty one).")
    Path dir;

    @Option(names = "--xlsx", description = "One workbook (" + WORKBOOK + ") with a sheet per table, instead of CSV files.")
    boolean xlsx;

    @Option(names = "--base-year", paramLabel = "YEAR", description = "baseYear of the template (default: this year).")
    Integer baseYear;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int year = baseYear != null ? baseYear : java.time.Year.now().getValue();
        if (year < 1901 || year > 2200) throw new UsageException("--base-year must be between 1901 and 2200, not " + year);
        refuseUnlessEmpty(dir);
        Map<String, byte[]> files = files(year, xlsx);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                // CREATE_NEW: a file that appeared meanwhile is never replaced
                try (OutputStream out = Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    written.add(p);
                    out.write(f.getValue());
                }
            }
        } catch (FileAlreadyExistsException e) {
            undo(written, e.getFile());
            throw new UsageException("cannot write " + e.getFile() + ": a file of that name appeared in " + dir
                    + "; kam init writes only into a new or empty folder");
        } catch (IOException e) {
            undo(written, null);
            throw new UsageException("cannot write " + dir + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote a scenario template to " + dir + ": " + String.join(", ", files.keySet()) + ".");
        out.println("Fill in the " + (xlsx ? "sheets of " + WORKBOOK : "tables") + " (each has one example row), then run: kam validate "
                + dir);
        out.flush();
        return Main.OK;
    }

    /** Removes the files this run created (only those) after a failure. */
    private static void undo(List<Path> written, String notOurs) {
        for (Path p : written) {
            if (notOurs != null && p.toString().equals(notOurs)) continue;
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: the message names the folder
            }
        }
    }

    private static void refuseUnlessEmpty(Path dir) {
        if (Files.isSymbolicLink(dir) && !Files.exists(dir)) {
            throw new UsageException(dir + " is a symbolic link to nothing; give a new or empty folder");
        }
        if (!Files.exists(dir)) return;
        if (!Files.isDirectory(dir)) throw new UsageException(dir + " is a file, not a folder; give a new or empty folder");
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                names.add(p.getFileName().toString());
                if (names.size() > 5) break;
            }
        } catch (IOException e) {
            throw new UsageException("cannot read " + dir + ": " + e.getMessage());
        }
        if (!names.isEmpty()) {
            names.sort(null);
            throw new UsageException(dir + " is not empty (it holds " + String.join(", ", names.subList(0, Math.min(5, names.size())))
                    + (names.size() > 5 ? ", ..." : "") + "); kam init writes only into a new or empty folder, so that "
                    + "no file is replaced");
        }
    }

    /** The template's files, name to bytes, in the order they are written. */
    static Map<String, byte[]> files(int baseYear, boolean xlsx) {
        Map<String, List<Template.Column>> tables = Template.tables(baseYear);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("scenario.yaml", Template.yaml(baseYear, xlsx ? WORKBOOK : null).getBytes(StandardCharsets.UTF_8));
        if (xlsx) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try {
                TemplateWorkbook.write(tables, b);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            files.put(WORKBOOK, b.toByteArray());
            return files;
        }
        for (Map.Entry<String, List<Template.Column>> t : tables.entrySet()) {
            List<String> header = new ArrayList<>();
            List<Object> example = new ArrayList<>();
            for (Template.Column c : t.getValue()) {
                header.add(c.name());
                example.add(c.example());
            }
            CsvOut csv = new CsvOut(header.toArray(new String[0]));
            csv.row(example.toArray());
            files.put(t.getKey() + ".csv", csv.text().getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }
}
