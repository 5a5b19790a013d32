using Bulwark.Backtest;

namespace Bulwark.Cli;

/// <summary>Checked values of <see cref="AccountOptions"/>.</summary>
internal sealed record AccountSettings(decimal Cash, decimal Size, decimal CommissionPerFill, BacktestFill Fill,
    decimal Multiplier, decimal Margin)
{
    /// <summary>The fill mode as the CLI spells it.</summary>
    public string FillName => Fill == BacktestFill.Close ? "close" : "next-open";

    /// <summary>What the JSON output says about commission and accounting.</summary>
    public object CommissionView => new
    {
        Model = Margin > 0m ? "futures" : "per-fill",
        PerFill = CommissionPerFill,
        Multiplier,
        MarginPerContract = Margin,
    };
}
