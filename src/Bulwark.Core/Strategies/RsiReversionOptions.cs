namespace Bulwark.Core.Strategies;

/// <summary>
/// The RSI and levels of <see cref="RsiReversionStrategy"/>: Wilder's RSI of <see cref="RsiPeriod"/> closes, oversold
/// below 30 and overbought above 70 unless set; the levels, exits and trend average are
/// <see cref="OscillatorReversionOptions"/>'.
/// </summary>
public sealed record RsiReversionOptions : OscillatorReversionOptions
{
    public RsiReversionOptions()
    {
        Oversold = 30m;
        Overbought = 70m;
    }

    public int RsiPeriod { get; init; } = 14;

    private protected override IEnumerable<(string Key, int Bars)> Windows => [("rsiPeriod", RsiPeriod)];

    private protected override string OscillatorName => "the RSI";
}
