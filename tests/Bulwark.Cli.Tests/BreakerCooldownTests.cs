using Bulwark.Core.Model;
using Bulwark.Core.Risk;

namespace Bulwark.Cli.Tests;

public sealed class BreakerCooldownTests
{
    private static readonly DateTimeOffset Monday = new(2024, 7, 15, 0, 0, 0, TimeSpan.Zero);

    private static Bar At(string symbol, DateTimeOffset time, TimeSpan interval) => new(symbol, time, 10m, 10m, 10m, 10m, 1m, interval);

    /// <summary>Two weeks of weekday bars of two symbols, interleaved as a run reads them.</summary>
    private static List<Bar> Weekdays(params string[] symbols) =>
        [.. Enumerable.Range(0, 14).Select(d => Monday.AddDays(d)).Where(t => t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .SelectMany(t => symbols.Select(s => At(s, t, TimeSpan.FromDays(1))))];

    [Fact]
    public void ABarIsAsLongAsItsInterval_WithSeveralFilesTheLongest()
    {
        var streak = new RiskLimits { MaxConsecutiveLosses = 3, BreakerCooldown = TimeSpan.FromHours(2) };
        List<Bar> minutes = [.. Enumerable.Range(0, 30).Select(m => At("A", Monday.AddHours(14).AddMinutes(m * 5), TimeSpan.FromMinutes(5)))];

        Assert.Null(BreakerCooldown.Problem(streak, minutes));
        Assert.Contains("(1d 0h)", BreakerCooldown.Problem(streak, [.. minutes, .. Weekdays("B")]), StringComparison.Ordinal);
        Assert.Null(BreakerCooldown.Problem(streak, []));
    }

    [Fact]
    public void Problem_OnlyWhenAStreakBreakerIsSet_AndItsCooldownIsNoLongerThanABar()
    {
        var days = Weekdays("A");
        var streak = new RiskLimits { MaxConsecutiveLosses = 3 };

        var problem = BreakerCooldown.Problem(streak, days);

        Assert.Equal("risk.breakerCooldown 30m is no longer than the time between bars (1d 0h): a breaker tripped by " +
                     "risk.maxConsecutiveLosses 3 has closed again by the next bar, so it blocks nothing after the bar that tripped it; " +
                     "give breakerCooldown more than one bar (e.g. 2d to pause daily bars for a day)", problem);
        // Exactly one bar is still too short: the breaker is open while the time is before trip + cooldown.
        Assert.NotNull(BreakerCooldown.Problem(streak with { BreakerCooldown = TimeSpan.FromDays(1) }, days));
        Assert.Null(BreakerCooldown.Problem(streak with { BreakerCooldown = TimeSpan.FromDays(2) }, days));
        Assert.Null(BreakerCooldown.Problem(new RiskLimits { MaxDailyLoss = 500m }, days)); // the daily loss limit holds all day by itself
        Assert.Null(BreakerCooldown.Problem(null, days));
        List<Bar> minutes = [.. Enumerable.Range(0, 30).Select(m => At("A", Monday.AddHours(14).AddMinutes(m), TimeSpan.FromMinutes(1)))];
        Assert.Null(BreakerCooldown.Problem(streak, minutes));
    }
}
