using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

public sealed class HmmRegimeStrategyTests
{
    private const string Symbol = "AAA";

    private static (HmmRegimeStrategy Strategy, List<(string Symbol, string Reason)> Fallbacks) Create(HmmRegimeOptions options)
    {
        var strategy = new HmmRegimeStrategy("hmm", [Symbol], options);
        var fallbacks = new List<(string, string)>();
        strategy.OnFallback = (symbol, reason) => fallbacks.Add((symbol, reason));
        return (strategy, fallbacks);
    }

    /// <summary>A sine wave around 100 with a 20-bar cycle: crosses any short moving average over and over.</summary>
    private static List<decimal> Wave(int bars) =>
        Enumerable.Range(0, bars).Select(i => Math.Round(100m + 5m * (decimal)Math.Sin(i * Math.PI / 10), 4)).ToList();

    [Fact]
    public void TooFewObservations_FallsBackOnceAndTradesExactlyLikeSmaCrossUnderTheFallbackSource()
    {
        var (strategy, fallbacks) = Create(new HmmRegimeOptions { FallbackPeriod = 5 });
        var context = new RecordingStrategyContext();
        context.Feed(strategy, Symbol, Wave(200));

        var reference = new RecordingStrategyContext();
        reference.Feed(new SmaCrossStrategy("hmm:fallback", [Symbol], 5), Symbol, Wave(200));

        Assert.Equal([(Symbol, "observations: 0 returns, need at least 252")], fallbacks);
        Assert.True(strategy.IsInFallback(Symbol));
        Assert.Null(strategy.CurrentRegime(Symbol));
        var validation = strategy.LastValidation!;
        Assert.Equal((Symbol, 199, false), (validation.Symbol, validation.Observations, validation.Ok));
        Assert.Equal(["observations: 199 returns, need at least 252"], validation.Reasons);
        Assert.NotEmpty(reference.Signals);
        Assert.Equal(reference.Signals, context.Signals);
    }

    [Fact]
    public void VolatilityBelowTheMinimum_FailsValidationWithTheReason()
    {
        // 300 returns of sd 0.001% a bar: annualised about 0.016%, far below the default minimum of 1%.
        var (strategy, fallbacks) = Create(new HmmRegimeOptions());
        new RecordingStrategyContext().Feed(strategy, Symbol, RegimePaths.Noise(seed: 4, returns: 300, sd: 0.00001));

        var validation = strategy.ValidationFor(Symbol)!;
        Assert.False(validation.Ok);
        Assert.StartsWith("volatility: annualised 0.000", Assert.Single(validation.Reasons), StringComparison.Ordinal);
        Assert.True(strategy.IsInFallback(Symbol));
        Assert.Single(fallbacks); // the switch happened on the first bar; refits that fail again do not call the hook
    }

    [Fact]
    public void VolatilityCheck_IsTheSampleSdOfTheWindowTimesTheRootOfPeriodsPerYear()
    {
        // Validations at returns 252, 273 and 294, so with 294 returns the last one saw exactly the last 252.
        // Expected: sample sd (n - 1) of ln(close(t) / close(t-1)) over them, times sqrt(252).
        var closes = RegimePaths.TwoRegimes(seed: 11, returns: 294).Closes;
        var returns = closes.Zip(closes.Skip(1), (a, b) => Math.Log((double)(b / a))).TakeLast(252).ToArray();
        var mean = returns.Average();
        var expected = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / 251) * Math.Sqrt(252);

        var (above, _) = Create(new HmmRegimeOptions { MinVolatility = (decimal)(expected * 1.001) });
        new RecordingStrategyContext().Feed(above, Symbol, closes);
        var (below, _) = Create(new HmmRegimeOptions { MinVolatility = (decimal)(expected * 0.999) });
        new RecordingStrategyContext().Feed(below, Symbol, closes);

        var reason = Assert.Single(above.ValidationFor(Symbol)!.Reasons);
        Assert.Equal(FormattableString.Invariant($"volatility: annualised {expected:0.#####} (252 bars a year) is below the minimum {expected * 1.001:0.#####}"), reason);
        Assert.True(below.ValidationFor(Symbol)!.Ok);
    }

    [Theory]
    [InlineData(AssetClass.Equity, 1, null, "98280")]   // 252 sessions of 390 minutes
    [InlineData(AssetClass.Crypto, 1, null, "525960")]  // every minute of 365.25 days
    [InlineData(AssetClass.Crypto, 1440, null, "365.25")]
    [InlineData(AssetClass.Equity, 1440, null, "252")]
    [InlineData(AssetClass.Crypto, 1, 365, "365")]      // as configured, whatever the bars
    public void BarsAYear_FollowTheBarIntervalOnTheSymbolsExchange_UnlessConfigured(AssetClass assetClass, int minutes, int? configured, string expected)
    {
        var (strategy, _) = Create(new HmmRegimeOptions { MinObservations = 30, Window = 30, MinVolatility = 1_000_000m, PeriodsPerYear = configured });
        var context = new RecordingStrategyContext { Interval = TimeSpan.FromMinutes(minutes) };
        context.Instruments[Symbol] = new Instrument(Symbol, assetClass);

        context.Feed(strategy, Symbol, Wave(40));

        Assert.Contains($"({expected} bars a year) is below the minimum", Assert.Single(strategy.ValidationFor(Symbol)!.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void ReturnsWithAUnitRoot_FailTheAdfCheck()
    {
        // Returns that are themselves a random walk (an integrated series of returns): ADF on them cannot reject
        // (for this seed; under the null it rejects about 5% of the time). The volatility check is switched off.
        var (strategy, _) = Create(new HmmRegimeOptions { MinVolatility = 0m });
        new RecordingStrategyContext().Feed(strategy, Symbol, RegimePaths.IntegratedReturns(seed: 7, returns: 300, sd: 0.001));

        var validation = strategy.ValidationFor(Symbol)!;
        Assert.Equal(252, validation.Observations);
        Assert.StartsWith("adf: statistic ", Assert.Single(validation.Reasons), StringComparison.Ordinal);
        Assert.Contains("does not reject a unit root in the returns at 5%", validation.Reasons[0], StringComparison.Ordinal);
        Assert.True(strategy.IsInFallback(Symbol));
    }

    [Fact]
    public void EverySwitchIntoTheFallback_CallsTheHookOnceWithTheReasons()
    {
        // Window 100, refit every 10 bars: warm-up (fallback), 150 bars of two regimes (model), 200 quiet bars
        // (volatility fails once the window holds only quiet returns: fallback again), 150 regime bars (model again;
        // windows mixing quiet and volatile returns may fail ADF on the way, which is a switch like any other).
        var (strategy, _) = Create(new HmmRegimeOptions { MinObservations = 100, Window = 100, RefitEvery = 10 });
        var context = new RecordingStrategyContext();
        var calls = new List<(int Bar, string Reason)>();
        strategy.OnFallback = (_, reason) => calls.Add((context.BarIndex, reason));
        var regimes = RegimePaths.TwoRegimes(seed: 31, returns: 150).Closes;
        var quiet = RegimePaths.Noise(seed: 32, returns: 200, sd: 0.00001, start: regimes[^1]).Skip(1).ToList();
        var again = RegimePaths.TwoRegimes(seed: 33, returns: 150).Closes.Select(c => c / 100m * quiet[^1]).Skip(1).ToList();

        var switches = new List<(int Bar, string Reason)>();
        var toModel = new List<int>();
        var wasInFallback = false;
        foreach (var close in regimes.Concat(quiet).Concat(again))
        {
            var bar = context.BarIndex;
            context.Feed(strategy, Symbol, [close]);
            var inFallback = strategy.IsInFallback(Symbol);
            if (inFallback && !wasInFallback) switches.Add((bar, string.Join("; ", strategy.ValidationFor(Symbol)!.Reasons)));
            if (!inFallback && wasInFallback) toModel.Add(bar);
            wasInFallback = inFallback;
        }

        Assert.Equal(switches, calls);
        // Each switch is noted for the journal, one way with the reasons, the other with what the validation found.
        Assert.Equal(switches.Select(s => (s.Bar, "hmm", "StrategyFallback", $"{Symbol}: falling back to sma-cross: {s.Reason}")),
            context.Notes.Where(n => n.Code == "StrategyFallback"));
        var modelNotes = context.Notes.Where(n => n.Code == "StrategyModel").ToList();
        Assert.Equal(toModel, modelNotes.Select(n => n.Bar));
        Assert.All(modelNotes, n => Assert.Matches(
            @"^AAA: inputs valid \(100 returns, adf statistic -[\d.]+ below -[\d.]+ \(\d+ lags\), annualised volatility [\d.]+\); trading the 2-state model$", n.Message));
        Assert.Equal(context.Notes.Count, switches.Count + toModel.Count);
        Assert.True(switches.Count >= 2, $"expected at least two switches, got {switches.Count}");
        Assert.Equal((0, "observations: 0 returns, need at least 100"), switches[0]);
        Assert.InRange(switches[1].Bar, 150, 350);
        Assert.StartsWith("volatility: annualised ", switches[1].Reason, StringComparison.Ordinal);
        Assert.False(strategy.IsInFallback(Symbol));
    }

    [Fact]
    public void TwoRegimeSeries_SignalsLongInTheBullishRegimeAndFlatInTheBearishOncePerChange()
    {
        var (_, closes) = RegimePaths.TwoRegimes(seed: 11, returns: 800);
        var (strategy, fallbacks) = Create(new HmmRegimeOptions());
        var context = new RecordingStrategyContext();
        var regimes = new List<int?>();
        foreach (var close in closes)
        {
            context.Feed(strategy, Symbol, [close]);
            regimes.Add(strategy.CurrentRegime(Symbol));
        }

        // The model is in use from bar 252 (the 252nd return) on; before that there is no regime.
        Assert.All(regimes.Take(252), r => Assert.Null(r));
        Assert.All(regimes.Skip(252), r => Assert.NotNull(r));
        Assert.Single(fallbacks);
        var modelSignals = context.Signals.Where(s => s.Source == "hmm").ToList();
        Assert.Contains(modelSignals, s => s.Direction == SignalDirection.Long);
        Assert.Contains(modelSignals, s => s.Direction == SignalDirection.Flat);
        Assert.All(modelSignals, s => Assert.Equal(s.Direction == SignalDirection.Long ? 1 : 0, regimes[s.Bar]));
        Assert.All(modelSignals, s => Assert.Null(s.TargetQuantity)); // sized by the bot's sizer, as the fallback's entries are
        // One signal per change of action: Long and Flat alternate.
        Assert.All(modelSignals.Zip(modelSignals.Skip(1)), p => Assert.NotEqual(p.First.Direction, p.Second.Direction));
    }

    [Fact]
    public void TwoRegimeSeries_TheRegimeMatchesTheTrueStateOnMostBars()
    {
        // A rolling 252-bar window sometimes holds mostly one regime, which the fit then splits in two, so single
        // seeds range from about 70% to 95%; over four seeds the mean is well above 80%.
        var rates = new List<double>();
        for (var seed = 1; seed <= 4; seed++)
        {
            var (states, closes) = RegimePaths.TwoRegimes(seed, returns: 800);
            var (strategy, _) = Create(new HmmRegimeOptions());
            var context = new RecordingStrategyContext();
            var agree = 0;
            for (var t = 0; t < closes.Count; t++)
            {
                context.Feed(strategy, Symbol, [closes[t]]);
                if (t >= 252 && strategy.CurrentRegime(Symbol) == states[t]) agree++;
            }
            rates.Add(agree / (double)(closes.Count - 252));
        }
        Assert.True(rates.Average() >= 0.8, $"agreement by seed: {string.Join(", ", rates.Select(r => r.ToString("P1")))}");
    }

    [Fact]
    public void RegimeMap_IsConfigurable()
    {
        var (_, closes) = RegimePaths.TwoRegimes(seed: 11, returns: 500);
        var (strategy, _) = Create(new HmmRegimeOptions { Bearish = RegimeAction.Short, Bullish = RegimeAction.Flat, Quantity = 2m });
        var context = new RecordingStrategyContext();
        context.Feed(strategy, Symbol, closes);

        var modelSignals = context.Signals.Where(s => s.Source == "hmm").ToList();
        Assert.Contains(modelSignals, s => s is { Direction: SignalDirection.Short, TargetQuantity: -2m });
        Assert.Contains(modelSignals, s => s.Direction == SignalDirection.Flat);
        Assert.DoesNotContain(modelSignals, s => s.Direction == SignalDirection.Long);
    }

    [Fact]
    public void PendingOrder_SuppressesSignalsAndTheRegimeActionIsCarriedOutOnceItClears()
    {
        var (_, closes) = RegimePaths.TwoRegimes(seed: 11, returns: 500);
        var (strategy, _) = Create(new HmmRegimeOptions());
        var context = new RecordingStrategyContext();
        context.OpenOrders.Add(Symbol);
        var regimes = new List<int?>();
        for (var t = 0; t < closes.Count; t++)
        {
            if (t == 400) context.OpenOrders.Clear();
            context.Feed(strategy, Symbol, [closes[t]]);
            regimes.Add(strategy.CurrentRegime(Symbol));
        }

        // Flat already, so the first thing to do after the order clears is go long on the first bullish bar.
        var firstBullish = Enumerable.Range(400, closes.Count - 400).First(t => regimes[t] == 1);
        Assert.DoesNotContain(context.Signals, s => s.Bar < 400);
        Assert.Equal((firstBullish, "hmm", SignalDirection.Long), (context.Signals[0].Bar, context.Signals[0].Source, context.Signals[0].Direction));
    }

    [Fact]
    public void ThreeStates_TheMiddleRegimeKeepsThePosition()
    {
        var transition = new double[,] { { 0.97, 0.02, 0.01 }, { 0.01, 0.98, 0.01 }, { 0.01, 0.02, 0.97 } };
        var (_, values) = new Statistics.SeriesGenerator(5).Hmm(700, [1 / 3.0, 1 / 3.0, 1 / 3.0], transition, [-0.01, 0.0, 0.01], [0.01, 0.004, 0.006]);
        var (strategy, _) = Create(new HmmRegimeOptions { States = 3 });
        var context = new RecordingStrategyContext();
        var regimes = new List<int?>();
        foreach (var close in RegimePaths.Closes(values))
        {
            context.Feed(strategy, Symbol, [close]);
            regimes.Add(strategy.CurrentRegime(Symbol));
        }

        var modelSignals = context.Signals.Where(s => s.Source == "hmm").ToList();
        Assert.Contains(regimes, r => r == 1);
        Assert.NotEmpty(modelSignals);
        Assert.All(modelSignals, s => Assert.Equal(s.Direction == SignalDirection.Long ? 2 : 0, regimes[s.Bar]));
    }

    [Fact]
    public void Options_ListEveryProblemByParameterAndTheConstructorRefusesThem()
    {
        var bad = new HmmRegimeOptions
        {
            States = 4, MinObservations = 10, Window = 5, RefitEvery = 0, MinVolatility = -1m, PeriodsPerYear = 0, AdfLags = 50,
            MaxIterations = 0, Tolerance = 0m, Restarts = 0, Quantity = 0m, FallbackPeriod = 0,
        };
        Assert.Equal(
            ["states", "minObservations", "window", "refitEvery", "minVolatility", "periodsPerYear", "adfLags", "maxIterations", "tolerance", "restarts", "quantity", "fallbackPeriod"],
            bad.Validate().Select(p => p.Key));
        Assert.Empty(new HmmRegimeOptions().Validate());
        Assert.Throws<ArgumentException>(() => new HmmRegimeStrategy("hmm", [Symbol], bad));
        Assert.Equal("hmm:fallback", new HmmRegimeStrategy("hmm", [Symbol], new HmmRegimeOptions()).FallbackSource);
    }
}
