package dev.kam.projects;

import dev.kam.domain.Msg;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code projects/register.csv}: a process opened on an account.
 *
 * @param accountId   the account
 * @param accountName its name
 * @param process     which of the three processes
 * @param trigger     the rule that opened it, with its numbers
 * @param ownerId     who runs it: the plan's lead, else today's owner; null when the account has neither
 * @param ownerName   the owner's name, null when none
 * @param due         when the process must be finished (plan start + the process's days)
 * @param target      the revenue to reach in {@code targetYear} (currency/year)
 * @param targetYear  the calendar year of the target (baseYear + 1)
 */
public record RegisterEntry(String accountId, String accountName, Process process, Msg trigger, String ownerId,
                            String ownerName, LocalDate due, double target, int targetYear) {
    public RegisterEntry {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(due, "due");
    }
}
