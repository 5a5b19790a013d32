using System.CommandLine;
using System.Globalization;
using Bulwark.Backtest;

namespace Bulwark.Cli;

/// <summary>
/// The account and fill options `backtest` and `optimize` share: cash, size, commission, fill mode, contract multiplier
/// and initial margin (above 0: futures-like accounting for the data's instruments). Read checks every value.
/// </summary>
internal sealed class AccountOptions
{
    public Option<decimal> Cash { get; } = new("--cash") { Description = "Starting cash", DefaultValueFactory = _ => 10_000m };
    public Option<decimal> Size { get; } = new("--size") { Description = "Units (contracts) per entry", DefaultValueFactory = _ => 1m };
    public Option<decimal> CommissionPerFill { get; } = new("--commission-per-fill") { Description = "Commission charged on every fill", DefaultValueFactory = _ => 0m };
    public Option<decimal> CommissionPerShare { get; } = new("--commission-per-share") { Description = "Commission per unit (share, contract) filled", DefaultValueFactory = _ => 0m };
    public Option<decimal> CommissionPercent { get; } = new("--commission-percent") { Description = "Commission in percent of each fill's notional (0.1 = 0.1 %)", DefaultValueFactory = _ => 0m };
    public Option<decimal> CommissionMinimum { get; } = new("--commission-min") { Description = "The least commission one fill pays", DefaultValueFactory = _ => 0m };
    public Option<decimal> SlippageBps { get; } = new("--slippage-bps") { Description = "Adverse slippage of market and stop fills, in basis points", DefaultValueFactory = _ => 0m };
    public Option<decimal> SlippageTicks { get; } = new("--slippage-ticks") { Description = "Adverse slippage in ticks (replaces --slippage-bps when above 0)", DefaultValueFactory = _ => 0m };
    public Option<string> Fill { get; } = new("--fill") { Description = "Where signalled market orders fill: next-open (the next bar's open) or close (the signal bar's close)", HelpName = "next-open|close", DefaultValueFactory = _ => "next-open" };
    public Option<decimal> Multiplier { get; } = new("--multiplier") { Description = "Contract multiplier of the instruments", HelpName = "M", DefaultValueFactory = _ => 1m };
    public Option<decimal> Margin { get; } = new("--margin") { Description = "Initial margin per contract; above 0 accounts futures-like (margin posted, marked to market at every close)", HelpName = "X", DefaultValueFactory = _ => 0m };

    public IEnumerable<Option> All =>
        [Cash, Size, CommissionPerFill, CommissionPerShare, CommissionPercent, CommissionMinimum, SlippageBps, SlippageTicks, Fill, Multiplier, Margin];

    /// <exception cref="UsageException">A value is out of range; the message names the option and the value.</exception>
    public AccountSettings Read(ParseResult parse)
    {
        var cash = parse.GetValue(Cash);
        var size = parse.GetValue(Size);
        var commission = parse.GetValue(CommissionPerFill);
        var multiplier = parse.GetValue(Multiplier);
        var margin = parse.GetValue(Margin);
        if (cash <= 0m) throw new UsageException($"--cash must be > 0 (was {Text(cash)})");
        if (size <= 0m) throw new UsageException($"--size must be > 0 (was {Text(size)})");
        if (commission < 0m) throw new UsageException($"--commission-per-fill must be >= 0 (was {Text(commission)})");
        var costs = new TradingCosts(
            NotNegative(parse, CommissionPerShare), NotNegative(parse, CommissionPercent), NotNegative(parse, CommissionMinimum),
            NotNegative(parse, SlippageBps), NotNegative(parse, SlippageTicks));
        if (multiplier <= 0m) throw new UsageException($"--multiplier must be > 0 (was {Text(multiplier)})");
        if (margin < 0m) throw new UsageException($"--margin must be >= 0 (was {Text(margin)})");
        var fill = parse.GetValue(Fill) switch
        {
            "next-open" => BacktestFill.NextOpen,
            "close" => BacktestFill.Close,
            var other => throw new UsageException($"--fill: unknown '{other}'; expected next-open or close"),
        };
        return new AccountSettings(cash, size, commission, fill, multiplier, margin) { Costs = costs };
    }

    private static decimal NotNegative(ParseResult parse, Option<decimal> option)
    {
        var value = parse.GetValue(option);
        return value < 0m ? throw new UsageException($"{option.Name} must be >= 0 (was {Text(value)})") : value;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
