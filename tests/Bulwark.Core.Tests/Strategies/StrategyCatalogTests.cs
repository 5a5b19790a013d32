using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

public sealed class StrategyCatalogTests
{
    private static readonly string[] Symbols = ["AAA"];

    internal static StrategyBuildResult Build(string name, params (string Key, string Value)[] parameters) =>
        StrategyCatalog.Build(name, "s1", Symbols, parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    /// <summary>The problems of a build that must have failed.</summary>
    internal static string[] Problems(StrategyBuildResult result)
    {
        Assert.False(result.Ok);
        Assert.Null(result.Strategy);
        return result.Problems.Select(p => p.ToString()).ToArray();
    }

    [Fact]
    public void UnknownName_IsAProblemListingTheKnownNames() =>
        Assert.Equal(["name: unknown strategy 'sma-crossover'; known: sma-cross, ema-cloud, donchian-breakout, keltner-breakout, macd-cross, ma-cross, trix, supertrend, parabolic-sar, aroon, ichimoku, kama, hull, rsi-reversion, bollinger-reversion, stochastic-reversion, hmm-regime, grid"], Problems(Build("sma-crossover")));

    [Fact]
    public void EachKnownName_BuildsItsStrategyWithDefaults()
    {
        Assert.IsType<SmaCrossStrategy>(Build("sma-cross").Strategy);
        Assert.IsType<EmaCloudStrategy>(Build("ema-cloud").Strategy);
        Assert.IsType<DonchianBreakoutStrategy>(Build("donchian-breakout").Strategy);
        Assert.IsType<KeltnerBreakoutStrategy>(Build("keltner-breakout").Strategy);
        Assert.IsType<MacdCrossStrategy>(Build("macd-cross").Strategy);
        Assert.IsType<MovingAverageCrossStrategy>(Build("ma-cross").Strategy);
        Assert.IsType<TrixStrategy>(Build("trix").Strategy);
        Assert.IsType<SupertrendStrategy>(Build("supertrend").Strategy);
        Assert.IsType<ParabolicSarStrategy>(Build("parabolic-sar").Strategy);
        Assert.IsType<AroonStrategy>(Build("aroon").Strategy);
        Assert.IsType<IchimokuStrategy>(Build("ichimoku").Strategy);
        Assert.IsType<KamaStrategy>(Build("kama").Strategy);
        Assert.IsType<HullStrategy>(Build("hull").Strategy);
        Assert.IsType<RsiReversionStrategy>(Build("rsi-reversion").Strategy);
        Assert.IsType<BollingerReversionStrategy>(Build("bollinger-reversion").Strategy);
        Assert.IsType<StochasticReversionStrategy>(Build("stochastic-reversion").Strategy);
        var hmm = Assert.IsType<HmmRegimeStrategy>(Build("hmm-regime").Strategy);
        Assert.Equal(("s1", "s1:fallback", true, false), (hmm.Source, hmm.FallbackSource, hmm.Handles("AAA"), hmm.Handles("BBB")));
        Assert.Empty(Build("hmm-regime").Problems);
        Assert.IsType<GridStrategy>(Build("grid").Strategy);
        Assert.Equal(StrategyCatalog.KnownNames, ["sma-cross", "ema-cloud", "donchian-breakout", "keltner-breakout", "macd-cross", "ma-cross", "trix", "supertrend", "parabolic-sar", "aroon", "ichimoku", "kama", "hull", "rsi-reversion", "bollinger-reversion", "stochastic-reversion", "hmm-regime", "grid"]);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("0")]
    [InlineData("2.5")]
    [InlineData("")]
    public void SmaCross_BadPeriod_NamesTheParameterAndTheValue(string value) =>
        Assert.Equal([$"params.period: expected a whole number >= 1, got '{value}'"], Problems(Build("sma-cross", ("period", value))));

    [Fact]
    public void ParameterNames_IgnoreCase()
    {
        // Period 5 on the hand-worked wave behaves exactly like a directly built sma-cross(5).
        var built = Build("sma-cross", ("PERIOD", "5")).Strategy!;
        var closes = Enumerable.Range(0, 60).Select(i => 100m + 5m * (decimal)Math.Sin(i * Math.PI / 10)).ToList();
        var viaCatalog = new RecordingStrategyContext();
        viaCatalog.Feed(built, "AAA", closes);
        var direct = new RecordingStrategyContext();
        direct.Feed(new SmaCrossStrategy("s1", Symbols, 5), "AAA", closes);
        Assert.NotEmpty(direct.Signals);
        Assert.Equal(direct.Signals, viaCatalog.Signals);
    }

    [Fact]
    public void SameParameterTwiceInDifferentCase_IsAProblem() =>
        Assert.Equal(["params.period: given more than once (parameter names ignore case)"], Problems(Build("sma-cross", ("period", "5"), ("Period", "6"))));

    [Fact]
    public void UnknownParameter_IsAProblemListingTheKnownOnes() =>
        Assert.Equal(["params.perod: unknown parameter of sma-cross; known: adxPeriod, adxSlope, adxSlopeBars, atrPeriod, breakEvenPercent, diFilter, maxAdx, maxHoldDays, maxHoldSessions, maxVolumeRatio, minAdx, minVolumeRatio, period, scaleOutPercent, scaleOutSteps, stopLossAtr, stopLossPercent, takeProfitAtr, takeProfitPercent, trailActivationPercent, trailFrom, trailingStopAtr, trailingStopPercent, trendAverage, trendPeriod, volumePeriod"], Problems(Build("sma-cross", ("perod", "5"))));

    [Fact]
    public void ATrailActivation_ReachesTheStop_AndNeedsATrailAndAFixedStop()
    {
        var built = Build("sma-cross", ("stopLossAtr", "3"), ("trailingStopPercent", "2"), ("trailActivationPercent", "4"));
        Assert.Equal(4m, built.Strategy!.Protection!.TrailActivationPercent);
        Assert.DoesNotContain(StrategyCatalog.Described(Build("sma-cross").Parameters), p => p.Key == "trailActivationPercent");
        Assert.Equal(["params.trailActivationPercent: activates a trail: give trailingStopPercent or trailingStopAtr with it"],
            Problems(Build("sma-cross", ("stopLossPercent", "3"), ("trailActivationPercent", "1"))));
        Assert.Equal(["params.trailActivationPercent: leaves the position without a stop until the trail activates: give stopLossPercent or stopLossAtr with it"],
            Problems(Build("ema-cloud", ("trailingStopAtr", "3"), ("trailActivationPercent", "1"))));
    }

    [Fact]
    public void AScaleOut_ReachesTheTakeProfit_AndNeedsItAndAStop()
    {
        var built = Build("sma-cross", ("stopLossPercent", "3"), ("takeProfitPercent", "2"), ("scaleOutPercent", "50"));
        Assert.Equal(50m, built.Strategy!.Protection!.ScaleOutPercent);
        Assert.DoesNotContain(StrategyCatalog.Described(Build("sma-cross").Parameters), p => p.Key == "scaleOutPercent");
        Assert.Equal(["params.scaleOutPercent: sizes the take-profit: give takeProfitPercent or takeProfitAtr with it"],
            Problems(Build("sma-cross", ("stopLossPercent", "3"), ("scaleOutPercent", "50"))));
        Assert.Equal(["params.scaleOutPercent: " + Bulwark.Core.Risk.ProtectiveStop.ScaleOutNeedsAStop],
            Problems(Build("ema-cloud", ("takeProfitPercent", "3"), ("scaleOutPercent", "50"))));
        Assert.Equal(["params.scaleOutPercent: must be under 100 (a percent of the position), got 100"],
            Problems(Build("sma-cross", ("stopLossPercent", "3"), ("takeProfitPercent", "3"), ("scaleOutPercent", "100"))));
    }

    [Fact]
    public void ATakeProfitInRanges_ReachesTheProtection_ShowsTheAtrPeriod_AndIsNotGivenWithAPercent()
    {
        var built = Build("sma-cross", ("stopLossPercent", "3"), ("takeProfitAtr", "2.5"), ("scaleOutPercent", "50"));
        Assert.Equal((2.5m, true), (built.Strategy!.Protection!.TakeProfitAtr, built.Strategy.Protection.UsesAtr));
        Assert.Contains("atrPeriod=14", StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.DoesNotContain(StrategyCatalog.Described(Build("sma-cross").Parameters), p => p.Key == "takeProfitAtr");
        Assert.Equal(["params.takeProfitAtr: " + Bulwark.Core.Risk.ProtectiveStop.TargetTwice],
            Problems(Build("ema-cloud", ("takeProfitPercent", "3"), ("takeProfitAtr", "2"))));
        Assert.Equal(["params.takeProfitAtr: must be at most 100 (average true ranges from the entry price), got 101"],
            Problems(Build("sma-cross", ("takeProfitAtr", "101"))));
        Assert.Null(Build("hmm-regime", ("takeProfitAtr", "2")).Strategy!.Protection!.StopLossAtr);
    }

    [Fact]
    public void ALadder_ReachesTheTakeProfit_ShowsOnlyWithAScaleOut_AndIsRefusedWhenItCannotWork()
    {
        var built = Build("ema-cloud", ("stopLossPercent", "3"), ("takeProfitPercent", "2"), ("scaleOutPercent", "30"), ("scaleOutSteps", "3"));
        Assert.Equal((30m, 3), (built.Strategy!.Protection!.ScaleOutPercent, built.Strategy.Protection.ScaleOutSteps));
        Assert.Contains("scaleOutSteps=3", StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.DoesNotContain(StrategyCatalog.Described(Build("sma-cross").Parameters), p => p.Key == "scaleOutSteps");
        Assert.DoesNotContain(StrategyCatalog.Described(Build("sma-cross", ("stopLossPercent", "3"), ("takeProfitPercent", "2"), ("scaleOutPercent", "50")).Parameters),
            p => p.Key == "scaleOutSteps");
        Assert.Equal(["params.scaleOutSteps: ladders a scale-out: give scaleOutPercent with it"],
            Problems(Build("sma-cross", ("stopLossPercent", "3"), ("takeProfitPercent", "2"), ("scaleOutSteps", "2"))));
        Assert.Equal(["params.scaleOutSteps: of 3 at scaleOutPercent 50 would sell the whole position before the last step: give fewer steps or a smaller share"],
            Problems(Build("sma-cross", ("stopLossPercent", "3"), ("takeProfitPercent", "2"), ("scaleOutPercent", "50"), ("scaleOutSteps", "3"))));
        Assert.Equal(["params.scaleOutSteps: of 5 at takeProfitPercent 20 puts the last step 100 percent from the entry: a short's must be under 100"],
            Problems(Build("hmm-regime", ("stopLossPercent", "3"), ("takeProfitPercent", "20"), ("scaleOutPercent", "10"), ("scaleOutSteps", "5"))));
        Assert.Equal(["params.scaleOutSteps: must be from 1 to 10, got 11"],
            Problems(Build("sma-cross", ("stopLossPercent", "3"), ("takeProfitPercent", "2"), ("scaleOutPercent", "5"), ("scaleOutSteps", "11"))));
        Assert.Equal(["params.scaleOutSteps: expected a whole number >= 1, got '0'"],
            Problems(Build("sma-cross", ("scaleOutSteps", "0"))));
    }

    [Fact]
    public void ABreakEven_ReachesTheStop_MakesTheTrailReferenceShow_AndNeedsAStopToMove()
    {
        var built = Build("hmm-regime", ("stopLossPercent", "3"), ("breakEvenPercent", "1.5"), ("trailFrom", "extreme"));
        Assert.Equal((1.5m, TrailReference.Extreme), (built.Strategy!.Protection!.BreakEvenPercent, built.Strategy.Protection.TrailFrom));
        Assert.Contains("trailFrom=extreme", StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.DoesNotContain(StrategyCatalog.Described(Build("sma-cross").Parameters), p => p.Key == "breakEvenPercent");
        Assert.Equal(["params.breakEvenPercent: moves a stop: give stopLossPercent, stopLossAtr, trailingStopPercent or trailingStopAtr with it"],
            Problems(Build("sma-cross", ("takeProfitPercent", "3"), ("breakEvenPercent", "1"))));
        Assert.Equal(["params.breakEvenPercent: must be under 100 (a percent of the entry price), got 100"],
            Problems(Build("sma-cross", ("stopLossPercent", "3"), ("breakEvenPercent", "100"))));
    }

    [Fact]
    public void ATimeStop_ReachesSmaCrossAndEmaCloud_IsDescribedOnlyWhenGiven_AndHmmRegimeHasNone()
    {
        Assert.Equal(TimeSpan.FromHours(6), Build("sma-cross", ("maxHoldDays", "0.25")).Strategy!.MaxHold);
        Assert.Equal(TimeSpan.FromDays(7), Build("ema-cloud", ("maxHoldDays", "7")).Strategy!.MaxHold);
        Assert.Null(Build("sma-cross").Strategy!.MaxHold);
        Assert.Equal(["period=10", "trendPeriod=none", "maxHoldDays=7"], StrategyCatalog.Described(Build("sma-cross", ("maxHoldDays", "7")).Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["period=10", "trendPeriod=none"], StrategyCatalog.Described(Build("sma-cross").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.maxHoldDays: must be at most 3650 days, got 4000"], Problems(Build("sma-cross", ("maxHoldDays", "4000"))));
        Assert.Single(Problems(Build("sma-cross", ("maxHoldDays", "0"))), p => p.StartsWith("params.maxHoldDays:", StringComparison.Ordinal));
        Assert.Single(Problems(Build("hmm-regime", ("maxHoldDays", "5"))), p => p.StartsWith("params.maxHoldDays: unknown parameter of hmm-regime", StringComparison.Ordinal));
    }

    [Fact]
    public void ATimeStopInSessions_ReachesSmaCrossAndEmaCloud_IsDescribedOnlyWhenGiven_AndExcludesOneInDays()
    {
        Assert.Equal(5, Build("sma-cross", ("maxHoldSessions", "5")).Strategy!.MaxHoldSessions);
        Assert.Equal(1, Build("ema-cloud", ("maxHoldSessions", "1")).Strategy!.MaxHoldSessions);
        Assert.Null(Build("sma-cross").Strategy!.MaxHoldSessions);
        Assert.Equal(["period=10", "trendPeriod=none", "maxHoldSessions=5"], StrategyCatalog.Described(Build("sma-cross", ("maxHoldSessions", "5")).Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.maxHoldSessions: give maxHoldDays or maxHoldSessions, not both"], Problems(Build("sma-cross", ("maxHoldDays", "5"), ("maxHoldSessions", "5"))));
        Assert.Equal(5, Build("sma-cross", ("maxHoldDays", "none"), ("maxHoldSessions", "5")).Strategy!.MaxHoldSessions);
        Assert.Equal(["params.maxHoldSessions: must be at most 2520 sessions, got 2521"], Problems(Build("sma-cross", ("maxHoldSessions", "2521"))));
        Assert.Single(Problems(Build("sma-cross", ("maxHoldSessions", "0"))), p => p.StartsWith("params.maxHoldSessions: expected 'none' or a whole number >= 1", StringComparison.Ordinal));
        Assert.Single(Problems(Build("sma-cross", ("maxHoldSessions", "1.5"))), p => p.StartsWith("params.maxHoldSessions:", StringComparison.Ordinal));
        Assert.Single(Problems(Build("grid", ("maxHoldSessions", "5"))), p => p.StartsWith("params.maxHoldSessions: unknown parameter of grid", StringComparison.Ordinal));
    }

    [Fact]
    public void ATrendFilter_ReachesSmaCrossAndEmaCloud_IsDescribedOnlyWhenGiven_AndItsBoundsAreProblems()
    {
        Assert.Equal(new TrendFilter(25m, 14), Assert.IsType<SmaCrossStrategy>(Build("sma-cross", ("minAdx", "25")).Strategy).TrendFilter);
        Assert.Equal(new TrendFilter(20.5m, 10), Assert.IsType<EmaCloudStrategy>(Build("ema-cloud", ("minAdx", "20.5"), ("adxPeriod", "10")).Strategy).TrendFilter);
        Assert.Null(Assert.IsType<SmaCrossStrategy>(Build("sma-cross").Strategy).TrendFilter);
        Assert.Null(Assert.IsType<SmaCrossStrategy>(Build("sma-cross", ("adxPeriod", "20")).Strategy).TrendFilter); // a period alone filters nothing
        Assert.Equal(["period=10", "trendPeriod=none"], StrategyCatalog.Described(Build("sma-cross").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["period=10", "trendPeriod=none", "minAdx=25", "adxPeriod=14"], StrategyCatalog.Described(Build("sma-cross", ("minAdx", "25")).Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.minAdx: must be at most 100 (the ADX runs from 0 to 100), got 101"], Problems(Build("sma-cross", ("minAdx", "101"))));
        Assert.Equal(["params.adxPeriod: must be at most 1000 bars, got 1001"], Problems(Build("sma-cross", ("minAdx", "25"), ("adxPeriod", "1001"))));
        Assert.Single(Problems(Build("sma-cross", ("minAdx", "0"))), p => p.StartsWith("params.minAdx: expected 'none' or a number > 0", StringComparison.Ordinal));
        Assert.Equal(new TrendFilter(null, 14) { MaxAdx = 20m }, Assert.IsType<RsiReversionStrategy>(Build("rsi-reversion", ("maxAdx", "20")).Strategy).TrendFilter);
        Assert.Equal(new TrendFilter(15m, 10) { MaxAdx = 40m },
            Assert.IsType<DonchianBreakoutStrategy>(Build("donchian-breakout", ("minAdx", "15"), ("maxAdx", "40"), ("adxPeriod", "10")).Strategy).TrendFilter);
        Assert.Equal(["period=10", "trendPeriod=none", "maxAdx=20", "adxPeriod=14"], StrategyCatalog.Described(Build("sma-cross", ("maxAdx", "20")).Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["params.maxAdx: must be above minAdx (25): no ADX is both, so no entry would pass; got 25"], Problems(Build("sma-cross", ("minAdx", "25"), ("maxAdx", "25"))));
        Assert.Equal(["params.maxAdx: must be at most 100 (the ADX runs from 0 to 100), got 120"], Problems(Build("rsi-reversion", ("maxAdx", "120"))));
        Assert.Single(Problems(Build("sma-cross", ("adxPeriod", "0"))), p => p.StartsWith("params.adxPeriod: expected a whole number >= 1", StringComparison.Ordinal));
        Assert.Equal(new TrendFilter(null, 14) { Direction = DirectionalFilter.With },
            Assert.IsType<MacdCrossStrategy>(Build("macd-cross", ("diFilter", "with")).Strategy).TrendFilter); // a direction alone filters
        Assert.Equal(new TrendFilter(20m, 10) { Direction = DirectionalFilter.Against },
            Assert.IsType<StochasticReversionStrategy>(Build("stochastic-reversion", ("minAdx", "20"), ("diFilter", "against"), ("adxPeriod", "10")).Strategy).TrendFilter);
        Assert.Equal(["period=10", "trendPeriod=none", "diFilter=with", "adxPeriod=14"], StrategyCatalog.Described(Build("sma-cross", ("diFilter", "with")).Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["period=10", "trendPeriod=none"], StrategyCatalog.Described(Build("sma-cross", ("diFilter", "none"), ("adxPeriod", "20")).Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Single(Problems(Build("ema-cloud", ("diFilter", "up"))), p => p.StartsWith("params.diFilter: expected one of none, with, against, got 'up'", StringComparison.Ordinal));
        Assert.Equal(new TrendFilter(null, 14) { Slope = AdxSlope.Rising, SlopeBars = 3 },
            Assert.IsType<SmaCrossStrategy>(Build("sma-cross", ("adxSlope", "rising"), ("adxSlopeBars", "3")).Strategy).TrendFilter); // a slope alone filters
        Assert.Equal(["period=10", "trendPeriod=none", "adxSlope=falling", "adxSlopeBars=1", "adxPeriod=14"],
            StrategyCatalog.Described(Build("sma-cross", ("adxSlope", "falling")).Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["period=10", "trendPeriod=none", "minAdx=20", "adxPeriod=14"],
            StrategyCatalog.Described(Build("sma-cross", ("minAdx", "20"), ("adxSlopeBars", "5")).Parameters).Select(p => $"{p.Key}={p.Value}")); // no slope, no bars
        Assert.Null(Assert.IsType<SmaCrossStrategy>(Build("sma-cross", ("adxSlope", "none"), ("adxSlopeBars", "5")).Strategy).TrendFilter);
        Assert.Single(Problems(Build("rsi-reversion", ("adxSlope", "up"))), p => p.StartsWith("params.adxSlope: expected one of none, rising, falling, got 'up'", StringComparison.Ordinal));
        Assert.Single(Problems(Build("macd-cross", ("adxSlopeBars", "0"))), p => p.StartsWith("params.adxSlopeBars: expected a whole number >= 1", StringComparison.Ordinal));
        Assert.Equal(["params.adxSlopeBars: must be at most 1000 bars, got 1001"], Problems(Build("sma-cross", ("adxSlope", "rising"), ("adxSlopeBars", "1001"))));
        Assert.Equal(["params.adxSlopeBars: must be at most 1000 bars, got 2000", "params.adxPeriod: must be at most 1000 bars, got 1001"],
            Problems(Build("sma-cross", ("adxSlope", "rising"), ("adxSlopeBars", "2000"), ("adxPeriod", "1001")))); // each named
        Assert.Single(Problems(Build("grid", ("adxSlope", "rising"))), p => p.StartsWith("params.adxSlope: unknown parameter of grid", StringComparison.Ordinal));
        Assert.Single(Problems(Build("grid", ("diFilter", "with"))), p => p.StartsWith("params.diFilter: unknown parameter of grid", StringComparison.Ordinal));
        Assert.Single(Problems(Build("grid", ("minAdx", "25"))), p => p.StartsWith("params.minAdx: unknown parameter of grid", StringComparison.Ordinal));
        Assert.Single(Problems(Build("hmm-regime", ("minAdx", "25"))), p => p.StartsWith("params.minAdx: unknown parameter of hmm-regime", StringComparison.Ordinal));
    }

    [Fact]
    public void WhatATrailFollows_ReachesTheStrategy_IsDescribedOnlyWithATrail_AndAnUnknownOneIsAProblem()
    {
        var extreme = Build("ema-cloud", ("trailingStopPercent", "3"), ("trailFrom", "Extreme"));
        Assert.Equal(TrailReference.Extreme, extreme.Strategy!.Protection!.TrailFrom);
        Assert.Contains("trailFrom=extreme", StrategyCatalog.Described(extreme.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(TrailReference.Close, Build("sma-cross", ("trailingStopAtr", "2")).Strategy!.Protection!.TrailFrom);
        Assert.DoesNotContain(StrategyCatalog.Described(Build("sma-cross", ("stopLossPercent", "2")).Parameters), p => p.Key == "trailFrom");
        Assert.Equal(["params.trailFrom: expected one of close, extreme, got 'high'"], Problems(Build("sma-cross", ("trailFrom", "high"))));
    }

    [Fact]
    public void AStopInAtrs_ReachesTheStrategy_AndItsPeriodIsDescribedOnlyWithIt()
    {
        var built = Build("sma-cross", ("stopLossAtr", "2.5"), ("atrPeriod", "20"));
        Assert.Equal((2.5m, 20, null), (built.Strategy!.Protection!.StopLossAtr, built.Strategy.Protection.AtrPeriod, built.Strategy.Protection.StopLossPercent));
        Assert.Equal(["period=10", "trendPeriod=none", "stopLossAtr=2.5", "atrPeriod=20"], StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["period=10", "trendPeriod=none"], StrategyCatalog.Described(Build("sma-cross").Parameters).Select(p => $"{p.Key}={p.Value}"));
        Assert.Null(Build("sma-cross", ("atrPeriod", "20")).Strategy!.Protection); // a period alone sets no stop
        var trailing = Build("hmm-regime", ("trailingStopAtr", "3")).Strategy!.Protection!;
        Assert.Equal((3m, null, 14), (trailing.TrailingAtr, trailing.StopLossAtr, trailing.AtrPeriod));
        Assert.Contains(StrategyCatalog.Described(Build("sma-cross", ("trailingStopAtr", "3")).Parameters), p => p.Key == "atrPeriod");
        Assert.Contains(StrategyCatalog.Described(Build("grid").Parameters), p => p.Key == "atrPeriod"); // the grid's spaces its levels
    }

    [Theory]
    [InlineData("stopLossAtr", "0", "params.stopLossAtr: expected 'none' or a number > 0, got '0'")]
    [InlineData("stopLossAtr", "101", "params.stopLossAtr: must be at most 100 (average true ranges from the entry price), got 101")]
    [InlineData("trailingStopAtr", "150", "params.trailingStopAtr: must be at most 100 (average true ranges from the best close), got 150")]
    [InlineData("atrPeriod", "0", "params.atrPeriod: expected a whole number >= 1, got '0'")]
    [InlineData("atrPeriod", "1001", "params.atrPeriod: must be at most 1000 bars, got 1001")]
    public void ABadStopInAtrs_IsAProblemNamingTheParameter(string key, string value, string expected) =>
        Assert.Equal([expected], Problems(key == "atrPeriod" ? Build("ema-cloud", ("stopLossAtr", "2"), (key, value)) : Build("ema-cloud", (key, value))));

    [Fact]
    public void EmaCloud_ReportsEveryBadParameterAtOnce()
    {
        var problems = Problems(Build("ema-cloud", ("fastShort", "x"), ("allowShort", "maybe"), ("trendLong", "20")));
        Assert.Equal(
        [
            "params.fastShort: expected a whole number >= 1, got 'x'",
            "params.allowShort: expected true or false, got 'maybe'",
            "params.trendLong: must be greater than trendShort (34), got 20",
        ], problems);
    }

    [Fact]
    public void EmaCloud_ParametersReachTheStrategy()
    {
        // The hand-worked small clouds of EmaCloudStrategyTests: Long on bar 6; on bar 8 the fast EMAs (12, 13.1543)
        // turn bearish below the trend bottom (EMA3 13.5), so with allowShort it goes Short instead of Flat.
        var strategy = Build("ema-cloud", ("fastShort", "1"), ("fastLong", "2"), ("trendShort", "3"), ("trendLong", "4"), ("allowShort", "true")).Strategy!;
        var context = new RecordingStrategyContext();
        context.Feed(strategy, "AAA", [10m, 11m, 12m, 13m, 14m, 13m, 15m, 16m, 12m]);
        Assert.Equal([(SignalDirection.Long, 6), (SignalDirection.Short, 8)], context.Signals.Select(s => (s.Direction, s.Bar)));
    }

    [Fact]
    public void HmmRegime_ReportsEveryBadParameterAtOnce()
    {
        var problems = Problems(Build("hmm-regime",
            ("states", "4"), ("window", "100"), ("bullish", "up"), ("quantity", "-1"), ("adfLags", "some"), ("tolerance", "0"), ("minVolatility", "-0.1")));
        Assert.Equal(
        [
            "params.minVolatility: expected a number >= 0, got '-0.1'",
            "params.adfLags: expected 'auto' or a whole number >= 0, got 'some'",
            "params.tolerance: expected a number > 0, got '0'",
            "params.bullish: expected one of keep, long, short, flat, got 'up'",
            "params.quantity: expected 'sizer' or a number > 0, got '-1'",
            "params.states: must be 2 or 3, got 4",
            "params.window: must be at least minObservations (252), got 100",
        ], problems);
    }

    [Fact]
    public void HmmRegime_AcceptsWordsForOptionalValuesAndActions()
    {
        var result = Build("hmm-regime", ("states", "3"), ("adfLags", "AUTO"), ("quantity", "sizer"), ("bearish", "Short"), ("middle", "flat"),
            ("minObservations", "100"), ("window", "150"), ("refitEvery", "5"), ("minVolatility", "0.05"), ("periodsPerYear", "365"),
            ("maxIterations", "50"), ("tolerance", "0.0001"), ("restarts", "2"), ("seed", "9"), ("fallbackPeriod", "20"), ("bullish", "long"));
        Assert.Empty(result.Problems);
        Assert.IsType<HmmRegimeStrategy>(result.Strategy);
        Assert.Equal(["params.bearish: expected one of keep, long, short, flat, got 'long,flat'"], Problems(Build("hmm-regime", ("bearish", "long,flat"))));
        Assert.Equal(["params.bearish: expected one of keep, long, short, flat, got '1'"], Problems(Build("hmm-regime", ("bearish", "1"))));
    }

    [Fact]
    public void HmmRegime_AdfLagsBeyondSchwertsMaximum_IsAProblem() =>
        Assert.Equal(["params.adfLags: must be between 0 and 15 for minObservations 252, got 16"], Problems(Build("hmm-regime", ("adfLags", "16"))));

    [Fact]
    public void EmptySourceAndNoSymbols_AreProblems()
    {
        var result = StrategyCatalog.Build("sma-cross", " ", [], new Dictionary<string, string>());
        Assert.Equal(["source: must not be empty", "symbols: must list at least one symbol"], Problems(result));
    }
}
