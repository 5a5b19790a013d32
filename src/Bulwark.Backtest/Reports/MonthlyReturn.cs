namespace Bulwark.Backtest.Reports;

/// <summary>
/// One calendar month's return (UTC months): the account's value at the month's last curve point over its value at the
/// previous month's last point, minus 1 (for the first month, over the starting cash). <see cref="Month"/> 0 is the
/// whole year, compounded the same way from year end to year end.
/// </summary>
public sealed record MonthlyReturn(int Year, int Month, decimal Return)
{
    /// <summary>Every month with a curve point, in order, each year followed by its whole-year row (Month 0).</summary>
    public static IReadOnlyList<MonthlyReturn> Of(IReadOnlyList<EquityPoint> curve, decimal startingValue)
    {
        var rows = new List<MonthlyReturn>();
        if (curve.Count == 0 || startingValue <= 0m) return rows;
        var (monthStart, yearStart) = (startingValue, startingValue);
        for (var i = 0; i < curve.Count; i++)
        {
            var time = curve[i].Time.UtcDateTime;
            var next = i + 1 < curve.Count ? curve[i + 1].Time.UtcDateTime : (DateTime?)null;
            if (next is { } n && n.Year == time.Year && n.Month == time.Month) continue; // not the month's last point
            var value = curve[i].Equity;
            rows.Add(new MonthlyReturn(time.Year, time.Month, Change(monthStart, value)));
            monthStart = value;
            if (next is { } m && m.Year == time.Year) continue;
            rows.Add(new MonthlyReturn(time.Year, 0, Change(yearStart, value)));
            yearStart = value;
        }
        return rows;
    }

    /// <summary>
    /// The rows as a table: a year a row, its twelve months then the whole year (13 cells), null where the year has no
    /// bar in a month. What the report and monthly.csv show.
    /// </summary>
    public static IEnumerable<(int Year, decimal?[] Cells)> ByYear(IReadOnlyList<MonthlyReturn> rows)
    {
        foreach (var year in rows.GroupBy(r => r.Year))
        {
            var cells = new decimal?[13];
            foreach (var r in year) cells[r.Month == 0 ? 12 : r.Month - 1] = r.Return;
            yield return (year.Key, cells);
        }
    }

    /// <summary>The change as a fraction, to 8 places (a millionth of a percent): what a report shows and a file keeps.</summary>
    private static decimal Change(decimal from, decimal to) => from <= 0m ? 0m : Math.Round((to / from) - 1m, 8);
}
