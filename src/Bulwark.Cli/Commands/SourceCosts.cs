using System.Globalization;

namespace Bulwark.Cli.Commands;

/// <summary>What a signal source's fills cost, on its line of `status` and of a backtest: each part only when it was paid.</summary>
internal static class SourceCosts
{
    /// <summary>
    /// ", commission 40.48, slippage 436.50, implementation shortfall 512.10"; each part left out when 0, nothing when all are. The
    /// shortfall is against the decision prices, so it holds the slippage of market and stop orders (see
    /// <see cref="Core.Execution.DecisionShortfall"/>).
    /// </summary>
    public static string Text(decimal commission, decimal slippage, decimal shortfall) =>
        (commission == 0m ? "" : string.Create(CultureInfo.InvariantCulture, $", commission {commission:0.00}"))
        + (slippage == 0m ? "" : string.Create(CultureInfo.InvariantCulture, $", slippage {slippage:0.00}"))
        + (shortfall == 0m ? "" : string.Create(CultureInfo.InvariantCulture, $", implementation shortfall {shortfall:0.00}"));
}
