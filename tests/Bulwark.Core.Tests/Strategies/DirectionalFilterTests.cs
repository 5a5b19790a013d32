using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// The direction filter (diFilter) on the signal strategies: with "with" a long entry only while Wilder's +DI, computed
/// on the same bars, is above -DI and a short only while it is below; "against" the other way round. Exits are not
/// filtered, and nothing else about the rules changes.
/// </summary>
public sealed class DirectionalFilterTests
{
    private const string Symbol = "X";

    [Fact]
    public void ARise_PointsThePlusIndicatorUp_SoWithTakesLongsAndAgainstShorts()
    {
        var rising = new AverageDirectionalIndex(2);
        var falling = new AverageDirectionalIndex(2);
        foreach (var c in new[] { 100m, 102m, 101m, 105m, 104m, 108m })
        {
            rising.Update(c + 1m, c - 1m, c);
            falling.Update(209m - c, 207m - c, 208m - c); // the mirror image
        }
        Assert.True(rising.PlusIndicator > rising.MinusIndicator);
        Assert.True(falling.MinusIndicator > falling.PlusIndicator);

        var with = new TrendFilter(null, 2) { Direction = DirectionalFilter.With };
        var against = new TrendFilter(null, 2) { Direction = DirectionalFilter.Against };
        var either = new TrendFilter(null, 2);
        Assert.Equal((true, false, false, true), (with.AllowsEntry(rising, true), with.AllowsEntry(rising, false), with.AllowsEntry(falling, true), with.AllowsEntry(falling, false)));
        Assert.Equal((false, true, true, false), (against.AllowsEntry(rising, true), against.AllowsEntry(rising, false), against.AllowsEntry(falling, true), against.AllowsEntry(falling, false)));
        Assert.True(either.AllowsEntry(rising, true) && either.AllowsEntry(rising, false));
        Assert.False(with.AllowsEntry(new AverageDirectionalIndex(2), true)); // not ready: no entry
        Assert.False((with with { MinAdx = 100m }).AllowsEntry(rising, true)); // the strength filter still holds
    }

    /// <summary>Every signal strategy, with parameters that make many entries and shorts on a random walk.</summary>
    public static TheoryData<string, string[]> Strategies => new()
    {
        { "sma-cross", ["period=5"] },
        { "ema-cloud", ["fastShort=2", "fastLong=3", "trendShort=5", "trendLong=8", "allowShort=true"] },
        { "donchian-breakout", ["entryPeriod=5", "exitPeriod=3", "allowShort=true"] },
        { "keltner-breakout", ["period=20", "multiplier=0.5", "allowShort=true"] },
        { "macd-cross", ["fast=3", "slow=8", "signal=3", "allowShort=true"] },
        { "ma-cross", ["fast=3", "slow=8", "allowShort=true"] },
        { "trix", ["period=3", "signal=3", "allowShort=true"] },
        { "supertrend", ["period=5", "multiplier=1", "allowShort=true"] },
        { "parabolic-sar", ["acceleration=0.05", "maxAcceleration=0.3", "allowShort=true"] },
        { "aroon", ["period=10", "allowShort=true"] },
        { "ichimoku", ["conversionPeriod=2", "basePeriod=4", "spanBPeriod=8", "displacement=2", "allowShort=true"] },
        { "kama", ["period=5", "allowShort=true"] },
        { "hull", ["period=9", "allowShort=true"] },
        { "rsi-reversion", ["rsiPeriod=3", "oversold=20", "overbought=80", "allowShort=true"] },
        { "bollinger-reversion", ["period=10", "deviations=1.5", "allowShort=true"] },
        { "stochastic-reversion", ["period=5", "allowShort=true"] },
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public void EachStrategy_TakesExactlyItsEntriesWhoseDirectionalIndicatorsPointTheFiltersWay(string name, string[] parameters)
    {
        // Orders never fill, so every signal is an entry where the rule gives one, whatever came before: the filtered run's
        // are the unfiltered run's whose +DI and -DI (of 14 bars, on the same bars) point the way asked.
        var bars = RandomBars.Walk(seed: 31, count: 1500);
        var adx = new AverageDirectionalIndex(14);
        var di = bars.Select(b => { adx.Update(b.High, b.Low, b.Close); return (adx.IsReady, Rising: adx.PlusIndicator > adx.MinusIndicator, Falling: adx.MinusIndicator > adx.PlusIndicator); }).ToArray();
        var unfiltered = Run(name, parameters, bars);
        Assert.True(unfiltered.Length >= 20, $"{unfiltered.Length} entries");
        Assert.Equal(name != "sma-cross", unfiltered.Any(s => s.Direction == SignalDirection.Short));

        foreach (var direction in new[] { "with", "against" })
        {
            var filtered = Run(name, [.. parameters, $"diFilter={direction}"], bars);
            var expected = unfiltered.Where(s => di[s.Bar].IsReady
                && ((s.Direction == SignalDirection.Long) == (direction == "with") ? di[s.Bar].Rising : di[s.Bar].Falling)).ToArray();
            Assert.Equal(expected, filtered);
            Assert.InRange(filtered.Length, 3, unfiltered.Length - 3);
        }
    }

    /// <summary>The signals of the strategy built from <paramref name="parameters"/> on <paramref name="bars"/>, its orders never filled.</summary>
    internal static (int Bar, SignalDirection Direction)[] Run(string name, string[] parameters, IEnumerable<(decimal, decimal, decimal)> bars)
    {
        var built = StrategyCatalog.Build(name, "s", [Symbol], parameters.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase));
        var context = new RecordingStrategyContext { FillImmediately = false };
        context.Feed(built.Strategy ?? throw new ArgumentException(string.Join("; ", built.Problems)), Symbol, bars);
        return context.Directions();
    }
}
