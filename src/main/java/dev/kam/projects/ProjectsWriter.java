package dev.kam.projects;

import dev.kam.i18n.Messages;
import dev.kam.io.CsvOut;
import dev.kam.io.OutputDir;

import java.util.Map;

/**
 * Writes {@code projects/}: {@code register.csv} (account, process, trigger, owner, due, target, then names, the
 * target's year and the trigger's rule code), one {@code ACCOUNT_ID.html} operating report per account and an
 * {@code index.html} that links them and shows the register. Trigger texts are in the run's language.
 */
public final class ProjectsWriter {
    private ProjectsWriter() {
    }

    public static void write(OutputDir dir, AccountProjects.Result r, Messages m, String scenario, String currency) {
        CsvOut reg = new CsvOut("account", "process", "trigger", "owner", "due", "target", "accountName", "ownerName",
                "targetYear", "rule");
        for (RegisterEntry e : r.register()) {
            reg.row(e.accountId(), e.process().code(), m.render(e.trigger()), e.ownerId(), e.due().toString(), Math.rint(e.target()),
                    e.accountName(), e.ownerName(), e.targetYear(), e.trigger().key());
        }
        reg.write(dir.file("register.csv"));
        Map<String, String> files = ProjectHtml.fileNames(r.reports().stream().map(OperatingReport::accountId).toList());
        ProjectHtml view = new ProjectHtml(m, scenario, files);
        for (OperatingReport o : r.reports()) dir.writeString(files.get(o.accountId()), view.report(o));
        dir.writeString("index.html", view.index(r.reports(), r.register(), currency));
    }
}
