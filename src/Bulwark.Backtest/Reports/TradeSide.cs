namespace Bulwark.Backtest.Reports;

/// <summary>The direction of a round trip: long (bought first) or short (sold first).</summary>
public enum TradeSide
{
    Long,
    Short,
}
