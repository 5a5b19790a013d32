using Bulwark.Core.Calendar;
using Bulwark.Core.Model;
using Bulwark.Core.Statistics;

namespace Bulwark.Core.Strategies;

/// <summary>
/// Regime trading with a Gaussian hidden Markov model of each symbol's log returns. Once the rolling window holds
/// <see cref="HmmRegimeOptions.MinObservations"/> returns, and then every <see cref="HmmRegimeOptions.RefitEvery"/>
/// bars, the window is validated (enough returns; the augmented Dickey-Fuller test rejects a unit root in the returns
/// at 5%; annualised volatility at least <see cref="HmmRegimeOptions.MinVolatility"/>) and the model refitted. Each
/// bar the filtered regime of the latest return picks an action (state 0, the lowest mean, is bearish; the highest
/// is bullish; with 3 states the other is the middle), carried out once per change of action, and only while no
/// order of the symbol is working. When validation fails (including while the window is still filling), an inner
/// <see cref="SmaCrossStrategy"/> with source "{source}:fallback" trades instead, and <see cref="OnFallback"/> is
/// called once per switch into the fallback with the reasons. Each switch is journaled as a note (an info alert):
/// "StrategyFallback" with the reasons, "StrategyModel" with what the passing validation found. The fallback sees every bar, so its average is warm
/// when it takes over; neither side closes the other's position when they swap.
/// </summary>
public sealed class HmmRegimeStrategy : IStrategy
{
    private readonly HashSet<string> _symbols;
    private readonly SymbolMap<HmmRegimeSymbolState> _bySymbol = new();
    private readonly HmmRegimeOptions _options;
    private readonly GaussianHmmOptions _hmmOptions;
    private readonly SmaCrossStrategy _fallback;
    private readonly GatedStrategyContext _gate = new();

    public HmmRegimeStrategy(string source, IEnumerable<string> symbols, HmmRegimeOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException($"hmm-regime options: {string.Join("; ", problems)}", nameof(options));
        Source = source;
        _options = options;
        _symbols = new HashSet<string>(symbols, StringComparer.Ordinal);
        _hmmOptions = new GaussianHmmOptions
        {
            States = options.States,
            MaxIterations = options.MaxIterations,
            Tolerance = (double)options.Tolerance,
            Restarts = options.Restarts,
            Seed = options.Seed,
        };
        _fallback = new SmaCrossStrategy(FallbackSource, _symbols, options.FallbackPeriod);
    }

    public string Source { get; }

    /// <inheritdoc />
    public Risk.ProtectiveStop? Protection { get; init; }

    /// <summary>Its own source and its fallback's: a protective stop covers the positions either opens.</summary>
    public IReadOnlyList<string> SignalSources => [Source, FallbackSource];

    /// <summary>What the fallback's source name adds to the strategy's: "{source}:fallback".</summary>
    public const string FallbackSuffix = ":fallback";

    /// <summary>The source name of the fallback's signals: "{source}:fallback".</summary>
    public string FallbackSource => Source + FallbackSuffix;

    /// <summary>Called with (symbol, reasons joined by "; ") each time a symbol switches into the fallback.</summary>
    public Action<string, string>? OnFallback { get; set; }

    /// <summary>The most recent validation of any symbol (null before the first bar).</summary>
    public HmmRegimeValidation? LastValidation { get; private set; }

    public bool Handles(string symbol) => _symbols.Contains(symbol);

    /// <summary>Until its model passes validation the fallback sma-cross trades, so it may act as soon as that can.</summary>
    public int BarsToFirstSignal => _fallback.BarsToFirstSignal;

    /// <summary>The latest validation of <paramref name="symbol"/>, or null before its first bar.</summary>
    public HmmRegimeValidation? ValidationFor(string symbol) => _bySymbol.Find(symbol)?.Validation;

    /// <summary>True while the fallback trades <paramref name="symbol"/>.</summary>
    public bool IsInFallback(string symbol) => _bySymbol.Find(symbol)?.Mode == RegimeMode.Fallback;

    /// <summary>The current regime of <paramref name="symbol"/> (0 = bearish, States - 1 = bullish) while the model is in use, else null.</summary>
    public int? CurrentRegime(string symbol) =>
        _bySymbol.Find(symbol) is { Mode: RegimeMode.Model } state ? state.Detector.Regime : null;

    public void OnBar(in Bar bar, IStrategyContext context)
    {
        var state = _bySymbol.Find(bar.Symbol) ?? _bySymbol.GetOrAdd(bar.Symbol, (Strategy: this, Periods: PeriodsPerYear(bar, context)),
            static (_, a) => new HmmRegimeSymbolState(new RegimeDetector(a.Strategy._options.Window, a.Strategy._options.MinObservations,
                a.Strategy._options.MinVolatility, a.Periods, a.Strategy._options.AdfLags, a.Strategy._hmmOptions)));
        state.Detector.Add(bar.Close);
        state.BarsSinceEvaluation++;
        if (state.Mode == RegimeMode.Starting || !state.HadEnough || state.BarsSinceEvaluation >= _options.RefitEvery)
            Evaluate(bar.Symbol, state, context);

        _gate.Inner = context;
        _gate.Open = state.Mode == RegimeMode.Fallback;
        _fallback.OnBar(bar, _gate);
        if (state.Mode == RegimeMode.Model) FollowRegime(bar.Symbol, state, context);
    }

    /// <summary>The configured bars per year, or the symbol's: its first bar's interval on its exchange's trading time.</summary>
    private double PeriodsPerYear(in Bar bar, IStrategyContext context) =>
        _options.PeriodsPerYear ?? TradingYear.Of(context.InstrumentOf(bar.Symbol)?.Exchange ?? ExchangeCalendars.Nyse).BarsPerYear(bar.Interval);

    private void Evaluate(string symbol, HmmRegimeSymbolState state, IStrategyContext context)
    {
        var reasons = state.Detector.Refit();
        state.BarsSinceEvaluation = 0;
        state.HadEnough = state.Detector.Observations >= _options.MinObservations;
        state.Validation = new HmmRegimeValidation(symbol, state.Detector.Observations, reasons.Count == 0, reasons);
        LastValidation = state.Validation;
        if (reasons.Count == 0)
        {
            if (state.Mode != RegimeMode.Model)
            {
                state.LastAction = null;
                context.Note(Source, "StrategyModel",
                    $"{symbol}: inputs valid ({state.Detector.LastValidation}); trading the {_options.States}-state model");
            }
            state.Mode = RegimeMode.Model;
        }
        else if (state.Mode != RegimeMode.Fallback)
        {
            state.Mode = RegimeMode.Fallback;
            var why = string.Join("; ", reasons);
            context.Note(Source, "StrategyFallback", $"{symbol}: falling back to sma-cross: {why}");
            OnFallback?.Invoke(symbol, why);
        }
    }

    private void FollowRegime(string symbol, HmmRegimeSymbolState state, IStrategyContext context)
    {
        if (state.Detector.Regime is not { } regime) return;
        var action = regime == 0 ? _options.Bearish
            : regime == _options.States - 1 ? _options.Bullish
            : _options.Middle;
        if (action == RegimeAction.Keep || action == state.LastAction || context.HasOpenOrder(symbol)) return;

        var position = context.PositionQuantity(symbol);
        var quantity = _options.Quantity;
        switch (action)
        {
            case RegimeAction.Long when quantity is { } q ? position != q : position <= 0m:
                context.Signal(Source, symbol, SignalDirection.Long, 1m, quantity);
                break;
            case RegimeAction.Short when quantity is { } q ? position != -q : position >= 0m:
                context.Signal(Source, symbol, SignalDirection.Short, 1m, -quantity);
                break;
            case RegimeAction.Flat when position != 0m:
                context.Signal(Source, symbol, SignalDirection.Flat);
                break;
        }
        state.LastAction = action;
    }
}
