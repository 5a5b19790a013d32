using System.Globalization;

namespace Bulwark.Venues.Paper;

/// <summary>
/// The yearly interest, in percent, that idle cash earns on each day: one rate for every day (<see cref="Fixed"/>), or a
/// rate from each step's date until the next step's (<see cref="Steps"/>), as a broker's deposit rate follows the
/// central bank's. Before the first step nothing is paid. Rates are in percent a year, as <see cref="FinancingRates"/>.
/// </summary>
public sealed class CashRates
{
    private readonly CashRateStep[] _steps;

    private CashRates(CashRateStep[] steps) => _steps = steps;

    /// <summary>No interest on any day.</summary>
    public static CashRates None { get; } = new([]);

    /// <summary><paramref name="percent"/> a year on every day (<see cref="None"/> for 0).</summary>
    public static CashRates Fixed(decimal percent) => percent == 0m ? None : new([new CashRateStep(DateOnly.MinValue, percent)]);

    /// <summary>Each step's rate from its date until the next step's.</summary>
    /// <exception cref="ArgumentException">Two steps share a date.</exception>
    public static CashRates Steps(IEnumerable<CashRateStep> steps)
    {
        CashRateStep[] sorted = [.. steps.OrderBy(s => s.From)];
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].From == sorted[i - 1].From)
                throw new ArgumentException($"two cash rates from {sorted[i].From:yyyy-MM-dd}", nameof(steps));
        }
        return sorted.All(s => s.Percent == 0m) ? None : new(sorted);
    }

    /// <summary>The steps in date order; a fixed rate is one step from <see cref="DateOnly.MinValue"/>.</summary>
    public IReadOnlyList<CashRateStep> StepList => _steps;

    /// <summary>True when some day earns (or is charged) interest.</summary>
    public bool PaysAny => _steps.Length > 0;

    /// <summary>The one rate of every day (0 for <see cref="None"/>); null when the rate changes over time.</summary>
    public decimal? FixedPercent => _steps.Length switch
    {
        0 => 0m,
        1 when _steps[0].From == DateOnly.MinValue => _steps[0].Percent,
        _ => null,
    };

    /// <summary>The first day a rate is given for; null when every day has one (a fixed rate, or none).</summary>
    public DateOnly? FirstDay => FixedPercent is null ? _steps[0].From : null;

    /// <summary>The rate of <paramref name="day"/>: the latest step's on or before it, 0 before the first.</summary>
    public decimal PercentOn(DateOnly day)
    {
        int low = 0, high = _steps.Length - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (_steps[mid].From <= day) (found, low) = (mid, mid + 1);
            else high = mid - 1;
        }
        return found < 0 ? 0m : _steps[found].Percent;
    }

    /// <summary>
    /// The sum of the daily rates of the days from <paramref name="from"/> up to (not including) <paramref name="to"/>,
    /// with the lowest and highest of them: cash held over those days earns this sum over the days in a year.
    /// </summary>
    public (decimal PercentDays, decimal Lowest, decimal Highest) Over(DateOnly from, DateOnly to)
    {
        decimal sum = 0m, lowest = decimal.MaxValue, highest = decimal.MinValue;
        for (var day = from; day < to; day = day.AddDays(1))
        {
            var percent = PercentOn(day);
            sum += percent;
            lowest = Math.Min(lowest, percent);
            highest = Math.Max(highest, percent);
        }
        return from < to ? (sum, lowest, highest) : (0m, 0m, 0m);
    }

    /// <summary>"4.5%" for a fixed rate; otherwise the steps' count, first date and range: "2 rates from 2005-12-01, 1% to 4%".</summary>
    public override string ToString() => FixedPercent is { } fixedPercent
        ? string.Create(CultureInfo.InvariantCulture, $"{fixedPercent}%")
        : string.Create(CultureInfo.InvariantCulture,
            $"{_steps.Length} rates from {_steps[0].From:yyyy-MM-dd}, {_steps.Min(s => s.Percent)}% to {_steps.Max(s => s.Percent)}%");
}
