using Bulwark.Backtest;

namespace Bulwark.Cli;

/// <summary>Checked values of <see cref="AccountOptions"/>.</summary>
internal sealed record AccountSettings(decimal Cash, decimal Size, decimal CommissionPerFill, BacktestFill Fill,
    decimal Multiplier, decimal Margin)
{
    /// <summary>Commission parts besides the per-fill one, and slippage.</summary>
    public TradingCosts Costs { get; init; } = new(0m, 0m, 0m, 0m, 0m);

    /// <summary>The fill mode as the CLI spells it.</summary>
    public string FillName => Fill == BacktestFill.Close ? "close" : "next-open";

    /// <summary>What the JSON output says about commission and accounting.</summary>
    public object CommissionView => new
    {
        Model = Margin > 0m ? "futures" : Costs.ModelName,
        PerFill = CommissionPerFill,
        Costs.PerShare,
        Costs.Percent,
        Costs.Minimum,
        Multiplier,
        MarginPerContract = Margin,
    };

    /// <summary>What the JSON output says about slippage.</summary>
    public object SlippageView => new { Bps = Costs.SlippageTicks > 0m ? 0m : Costs.SlippageBps, Ticks = Costs.SlippageTicks };
}
