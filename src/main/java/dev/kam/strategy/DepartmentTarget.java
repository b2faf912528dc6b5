package dev.kam.strategy;

import dev.kam.domain.Msg;

/**
 * One SMART department target: a number, its measure and the deadline (31 Dec of the year).
 *
 * @param year       calendar year of the deadline
 * @param department {@code sales} (多客, more customers), {@code marketing} (多买, customers buy more) or
 *                   {@code customerService} (多来, customers come more often)
 * @param metric     keyAccountWins, keyAccountCount, orderValue, ordersPerAccount or keyAccountRetention
 * @param baseline   the value at the start of the year (the previous year's target, or today's); NaN when none
 * @param target     the value to reach by 31 Dec of the year (whole accounts for wins and counts)
 * @param change     target / baseline − 1; NaN when the baseline is 0 or unknown
 * @param text       the target as one readable sentence (words from the {@code strategy} bundle)
 */
public record DepartmentTarget(int year, String department, String metric, double baseline, double target,
                               double change, Msg text) {
}
