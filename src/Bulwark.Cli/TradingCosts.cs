namespace Bulwark.Cli;

/// <summary>The commission parts besides the flat per-fill one, and the slippage, as `backtest` and `optimize` read them.</summary>
internal sealed record TradingCosts(decimal PerShare, decimal Percent, decimal Minimum, decimal SlippageBps, decimal SlippageTicks)
{
    /// <summary>--impact: market impact in percent at a fill of a whole bar's volume (square-root law); 0: none.</summary>
    public decimal ImpactPercent { get; init; }

    /// <summary>--commission-max-percent: the most one fill pays, in percent of its notional; null: no cap.</summary>
    public decimal? MaximumPercent { get; init; }

    /// <summary>"per-fill" when only the flat commission (or none) applies, else the parts in use joined by '+'.</summary>
    public string ModelName
    {
        get
        {
            var parts = new List<string>();
            if (PerShare > 0m) parts.Add("per-share");
            if (Percent > 0m) parts.Add("percent");
            return parts.Count == 0 ? "per-fill" : string.Join('+', parts);
        }
    }
}
