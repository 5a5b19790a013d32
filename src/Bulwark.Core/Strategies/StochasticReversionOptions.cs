namespace Bulwark.Core.Strategies;

/// <summary>
/// The oscillator of <see cref="StochasticReversionStrategy"/>: the stochastic of <see cref="Period"/> bars' highs and
/// lows, %K its average over <see cref="Smoothing"/> bars and %D that of %K over <see cref="Signal"/> bars (14, 3, 3: the
/// usual slow stochastic), <see cref="Line"/> read against the levels, oversold below 20 and overbought above 80 unless
/// set, entered at the arrival beyond a level or only at a cross of the lines there (<see cref="Entry"/>); the levels, exits
/// and trend average are <see cref="OscillatorReversionOptions"/>'.
/// </summary>
public sealed record StochasticReversionOptions : OscillatorReversionOptions
{
    public StochasticReversionOptions()
    {
        Oversold = 20m;
        Overbought = 80m;
    }

    /// <summary>The bars whose highest high and lowest low the close is placed between.</summary>
    public int Period { get; init; } = 14;

    /// <summary>The bars %K averages the raw value over: 1 is the fast stochastic, 3 the usual slow one.</summary>
    public int Smoothing { get; init; } = 3;

    /// <summary>The bars %D averages %K over.</summary>
    public int Signal { get; init; } = 3;

    /// <summary>The line read against the levels: %K (the default) or the slower %D.</summary>
    public StochasticLine Line { get; init; } = StochasticLine.K;

    /// <summary>
    /// At the arrival beyond a level (the default), or only at a cross of %K over %D there (<see cref="StochasticEntry.Cross"/>,
    /// which needs <see cref="Signal"/> above 1: over one bar %D is %K). Exits are levels either way.
    /// </summary>
    public StochasticEntry Entry { get; init; } = StochasticEntry.Level;

    /// <summary>The bars until the oscillator reads: the range's, then the smoothing's and the signal's (as <see cref="Indicators.Stochastic"/>).</summary>
    public int BarsToReady => Period + Smoothing + Signal - 2;

    /// <summary>The bars until an entry may be signalled: <see cref="BarsToReady"/>, and one more for a cross (it needs the bar before).</summary>
    public int BarsToEntry => BarsToReady + (Entry == StochasticEntry.Cross ? 1 : 0);

    private protected override IEnumerable<(string Key, int Bars)> Windows => [("period", Period), ("smoothing", Smoothing), ("signal", Signal)];

    private protected override string OscillatorName => "the stochastic";

    private protected override IEnumerable<StrategyProblem> OwnProblems()
    {
        if (Entry == StochasticEntry.Cross && Signal == 1)
            yield return new("entry", "cross needs signal above 1: over one bar %D is %K, so the two lines never cross");
    }
}
