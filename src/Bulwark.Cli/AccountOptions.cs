using System.CommandLine;
using System.Globalization;
using Bulwark.Backtest;
using Bulwark.Core.Risk;
using Bulwark.Venues.Paper;

namespace Bulwark.Cli;

/// <summary>
/// The account and fill options `backtest` and `optimize` share: cash, size, commission, fill mode, contract multiplier
/// and initial margin (above 0: futures-like accounting for the data's instruments). Read checks every value.
/// </summary>
internal sealed class AccountOptions
{
    public Option<decimal> Cash { get; } = new("--cash") { Description = "Starting cash", DefaultValueFactory = _ => 10_000m };
    public Option<decimal> Size { get; } = new("--size") { Description = "Units (contracts) per entry", DefaultValueFactory = _ => 1m };
    public Option<decimal?> Notional { get; } = new("--notional") { Description = "Size each entry to this much cash (rounded down to whole lots) instead of --size units", HelpName = "X" };
    public Option<decimal?> PercentOfEquity { get; } = new("--percent-of-equity") { Description = "Size each entry to this percent of the account's value, in (0, 100], instead of --size units", HelpName = "P" };
    public Option<decimal?> RiskPercent { get; } = new("--risk-percent") { Description = "Size each entry so that its protective stop (--param stopLossPercent, stopLossAtr or a trail) loses this percent of the account's value, in (0, 100], never more than the account buys, instead of --size units", HelpName = "P" };
    public Option<decimal?> VolatilityPercent { get; } = new("--volatility-percent") { Description = "Size each entry so that one average true range of its symbol moves it by this percent of the account's value, in (0, 100], never more than the account buys (the turtle traders' unit: a calm market buys more, a wild one less), instead of --size units; entries wait for the range to be known", HelpName = "P" };
    public Option<int?> VolatilityPeriod { get; } = new("--volatility-period") { Description = "Bars of the average true range --volatility-percent sizes by (default: 20)", HelpName = "N" };
    public Option<string[]> MaxGroupExposure { get; } = new("--max-group-exposure") { Description = "The most one group of instruments (--group, or a bot's instruments[].group) may hold together, long and short alike, in percent of the account's value, in (0, 10000]: an order that would take its group beyond it is denied (default: no limit). NAME=P gives one group its own limit; repeatable", HelpName = "[NAME=]P" };
    public Option<decimal?> MaxGrossExposure { get; } = new("--max-gross-exposure") { Description = "The most the book may hold in all, long and short alike, in percent of the account's value, in (0, 10000]: an order that would take the sum of the positions' notionals (with the entries still working) beyond it is denied; 100 keeps a long-short book unlevered (default: no limit)", HelpName = "P" };
    public Option<decimal?> DrawdownStop { get; } = new("--drawdown-stop") { Description = "The drawdown stop, in percent in (0, 100): once the account's value has fallen this far from its peak, the bot switches itself to reduce-only for the rest of the run (a notice says when): positions may still be closed, nothing new is opened (default: none)", HelpName = "P" };
    public Option<decimal?> PositionLossLimit { get; } = new("--max-position-loss") { Description = "The loss limit per position, in percent in (0, 100) of the account's value: at a bar's close a position whose open loss from its average entry is that share of the account or more is closed at market (its order tagged loss-limit, a notice says so), whatever strategy holds it (default: none)", HelpName = "P" };
    public Option<decimal?> DailyLossStop { get; } = new("--daily-loss-stop") { Description = "The daily loss stop, in percent in (0, 100): once the account's value (open positions at their closes included) has fallen this far from its value when the trading day began, no position is opened or added to for the rest of that day and working entries are canceled (a notice says when); closing always passes (default: none)", HelpName = "P" };
    public Option<string?> CooldownAfterLoss { get; } = new("--cooldown-after-loss") { Description = "Once a symbol's round trip closes at a loss, no entry in that symbol for this long after the closing fill (e.g. 4h, 2d; denied CooldownAfterLoss); closing always passes (default: none)", HelpName = "DURATION" };
    public Option<int?> MaxOrdersPerMinute { get; } = new("--max-orders-per-minute") { Description = "The throttle: the most orders sent in any minute of the bars' clock, of every kind: once reached, orders that would open or add to a position are denied until the oldest of them is a minute old; closing always passes (default: no limit)", HelpName = "N" };
    public Option<int?> MaxOrdersPerDay { get; } = new("--max-orders-per-day") { Description = "The most orders sent in a trading day, of every kind: once reached, orders that would open or add to a position are denied until the next day (a notice says when); closing always passes (default: no limit)", HelpName = "N" };
    public Option<int?> MaxOpenPositions { get; } = new("--max-open-positions") { Description = "The most symbols the book may hold positions in at once (with the entries still working): an entry in another symbol beyond it is denied; adding to or closing a position never is (default: no limit)", HelpName = "N" };
    public Option<decimal?> MaxPortfolioVolatility { get; } = new("--max-portfolio-volatility") { Description = "The most the whole book may swing in a year, in percent of the account's value (one standard deviation, from the covariance of the symbols' returns over the bars seen), in (0, 1000]: each entry is cut to the largest size that keeps it within, given the positions held; entries wait for 20 bar times of returns (default: no cap)", HelpName = "P" };
    public Option<decimal?> PortfolioVolatilityTrim { get; } = new("--portfolio-volatility-trim") { Description = "Trim the book back to --max-portfolio-volatility once its estimate rises P percent over it (20: above 1.2 times the cap), in (0, 1000]: each position a strategy holds is cut, at its symbol's next bar, by the cap over the estimate, so a book entered within the cap does not stay over it when the market turns wild (default: the cap sizes entries only)", HelpName = "P" };
    public Option<decimal?> MaxPositionPercent { get; } = new("--max-position-percent") { Description = "The most one position may hold, in percent of the account's value at its price, in (0, 1000], whatever the sizing (a tight stop or a calm market would otherwise size a position to the whole account; above 100 for a margined account) (default: no cap)", HelpName = "P" };
    public Option<decimal> CommissionPerFill { get; } = new("--commission-per-fill") { Description = "Commission charged on every fill", DefaultValueFactory = _ => 0m };
    public Option<decimal> CommissionPerShare { get; } = new("--commission-per-share") { Description = "Commission per unit (share, contract) filled", DefaultValueFactory = _ => 0m };
    public Option<decimal> CommissionPercent { get; } = new("--commission-percent") { Description = "Commission in percent of each fill's notional (0.1 = 0.1 %)", DefaultValueFactory = _ => 0m };
    public Option<decimal> CommissionMinimum { get; } = new("--commission-min") { Description = "The least commission one fill pays", DefaultValueFactory = _ => 0m };
    public Option<decimal?> CommissionMaximum { get; } = new("--commission-max-percent") { Description = "The most commission one fill pays, in percent of its notional, in (0, 100], after --commission-min: a broker's cap on a per-share charge (1 at Interactive Brokers), which wins over the minimum when the two cross (default: no cap)", HelpName = "P" };
    public Option<decimal> SlippageBps { get; } = new("--slippage-bps") { Description = "Adverse slippage of market and stop fills, in basis points", DefaultValueFactory = _ => 0m };
    public Option<decimal?> Impact { get; } = new("--impact") { Description = "Market impact of market and stop fills, in percent of the price at a fill of a whole bar's volume: a fill of q in a bar of volume V moves the price P × sqrt(q / V) percent against it, on top of the slippage (the square-root law; bars with no volume add none; default: 0)", HelpName = "P" };
    public Option<decimal> SlippageTicks { get; } = new("--slippage-ticks") { Description = "Adverse slippage in ticks (replaces --slippage-bps when above 0)", DefaultValueFactory = _ => 0m };
    public Option<string> Fill { get; } = new("--fill") { Description = "Where signalled market orders fill: next-open (the next bar's open) or close (the signal bar's close)", HelpName = "next-open|close", DefaultValueFactory = _ => "next-open" };
    public Option<string> LimitFill { get; } = new("--limit-fill") { Description = "When a bar fills a resting limit order (the grid's): touch (the bar trades at the limit) or through (only beyond it, the conservative reading)", HelpName = "touch|through", DefaultValueFactory = _ => "touch" };
    public Option<decimal?> VolumeCap { get; } = new("--volume-cap") { Description = "The most one order fills in a bar, in percent of the bar's volume, in (0, 100]; the rest waits for the next bars (a thin market's capacity; default: no cap)", HelpName = "P" };
    public Option<decimal?> TickSize { get; } = new("--tick-size") { Description = "Price step of the instruments (0.25 for an index future): fills and the grid's levels are on it, and --slippage-ticks counts it (default: 0.01, or for a currency pair or a coin its file's finest price step, at most 0.01)", HelpName = "X" };
    public Option<decimal?> LotSize { get; } = new("--lot-size") { Description = "Quantity step of the instruments (1000 for a currency pair's micro lots): every entry is whole lots (default: 1, or 0.00000001 of a coin for crypto)", HelpName = "X" };
    public Option<decimal> Multiplier { get; } = new("--multiplier") { Description = "Contract multiplier of the instruments", HelpName = "M", DefaultValueFactory = _ => 1m };
    public Option<decimal> Margin { get; } = new("--margin") { Description = "Initial margin per contract; above 0 accounts futures-like (margin posted, marked to market at every close)", HelpName = "X", DefaultValueFactory = _ => 0m };

    public Option<string[]> FinancingLong { get; } = new("--financing-long") { Description = "Yearly cost of holding a long overnight, in percent of its value at the last close (a leveraged long's interest, a pair's swap, a perpetual's funding), charged for each calendar day held into a new day; negative earns. Repeatable: P for every instrument, SYMBOL=P for one's own rate", HelpName = "P|SYMBOL=P" };
    public Option<string[]> FinancingShort { get; } = new("--financing-short") { Description = "The same for a short: a share's borrow fee (GME=35 for a hard-to-borrow one), a pair's or a perpetual's short carry", HelpName = "P|SYMBOL=P" };

    public Option<string?> CashInterest { get; } = new("--cash-interest") { Description = "Yearly interest idle cash earns, in percent, for each calendar day held into a new day, as a broker pays on a credit balance: the cash, with the margin futures hold, less what short sales credited; a debit balance earns nothing; negative charges (default: 0). Or a CSV file of rates that change over time, with date (yyyy-MM-dd) and percent columns, each rate from its date to the next; the first must be from the first bar's day or earlier. Sharpe and Sortino are then of returns in excess of it", HelpName = "P|FILE" };

    public Option<decimal?> CashInterestFree { get; } = new("--cash-interest-free") { Description = "The part of the idle cash that earns no --cash-interest, as a broker pays none on a first slice of a balance (10000 at Interactive Brokers); interest is paid on the cash above it (default: 0)", HelpName = "X" };

    public Option<string?> Dividends { get; } = new("--dividends") { Description = "Cash dividends to pay: a CSV file with symbol, ex_date (yyyy-MM-dd) and amount (per share) columns; a position held at the close before an ex-date receives (long) or pays (short) it at the next bar. Not with --adjusted, whose prices already hold them", HelpName = "FILE" };

    public Option<bool> NoShort { get; } = new("--no-short") { Description = "A cash account: the venue rejects a sell larger than the position held (default: short selling allowed)" };

    public IEnumerable<Option> All =>
        [Cash, Size, Notional, PercentOfEquity, RiskPercent, VolatilityPercent, VolatilityPeriod, MaxPositionPercent, MaxPortfolioVolatility, PortfolioVolatilityTrim, MaxGrossExposure, MaxGroupExposure, MaxOpenPositions, DrawdownStop, DailyLossStop, PositionLossLimit, MaxOrdersPerDay, MaxOrdersPerMinute, CooldownAfterLoss, CommissionPerFill, CommissionPerShare, CommissionPercent, CommissionMinimum, CommissionMaximum, SlippageBps, SlippageTicks, Impact, Fill, LimitFill, VolumeCap, TickSize, LotSize, Multiplier, Margin, FinancingLong, FinancingShort, CashInterest, CashInterestFree, Dividends, NoShort];

    /// <summary>
    /// The values given, and the options' defaults for the others; with a <paramref name="baseline"/> (a configured
    /// bot's account), the options not given on the command line keep the baseline's values instead.
    /// </summary>
    /// <exception cref="UsageException">A value is out of range; the message names the option and the value.</exception>
    public AccountSettings Read(ParseResult parse, AccountSettings? baseline = null)
    {
        decimal Value(Option<decimal> option, decimal fallback) => baseline is null || Given(parse, option) ? parse.GetValue(option) : fallback;
        var cash = Value(Cash, baseline?.Cash ?? 0m);
        var size = Value(Size, baseline?.Size ?? 0m);
        var commission = Value(CommissionPerFill, baseline?.CommissionPerFill ?? 0m);
        var multiplier = Value(Multiplier, baseline?.Multiplier ?? 0m);
        var margin = Value(Margin, baseline?.Margin ?? 0m);
        var costs = baseline?.Costs;
        if (cash <= 0m) throw new UsageException($"--cash must be > 0 (was {Text(cash)})");
        if (size <= 0m) throw new UsageException($"--size must be > 0 (was {Text(size)})");
        if (commission < 0m) throw new UsageException($"--commission-per-fill must be >= 0 (was {Text(commission)})");
        var checkedCosts = new TradingCosts(
            NotNegative(CommissionPerShare, Value(CommissionPerShare, costs?.PerShare ?? 0m)),
            NotNegative(CommissionPercent, Value(CommissionPercent, costs?.Percent ?? 0m)),
            NotNegative(CommissionMinimum, Value(CommissionMinimum, costs?.Minimum ?? 0m)),
            NotNegative(SlippageBps, Value(SlippageBps, costs?.SlippageBps ?? 0m)),
            NotNegative(SlippageTicks, Value(SlippageTicks, costs?.SlippageTicks ?? 0m)))
        {
            MaximumPercent = Given(parse, CommissionMaximum) ? parse.GetValue(CommissionMaximum) : costs?.MaximumPercent,
            ImpactPercent = parse.GetValue(Impact) ?? costs?.ImpactPercent ?? 0m,
        };
        if (checkedCosts.ImpactPercent is < 0m or > 100m)
            throw new UsageException($"--impact must be from 0 to 100 (was {Text(checkedCosts.ImpactPercent)})");
        if (checkedCosts.MaximumPercent is <= 0m or > 100m)
            throw new UsageException($"--commission-max-percent must be above 0 and at most 100 (was {Text(checkedCosts.MaximumPercent.Value)})");
        if (multiplier <= 0m) throw new UsageException($"--multiplier must be > 0 (was {Text(multiplier)})");
        if (margin < 0m) throw new UsageException($"--margin must be >= 0 (was {Text(margin)})");
        var tickSize = parse.GetValue(TickSize);
        if (tickSize <= 0m) throw new UsageException($"--tick-size must be > 0 (was {Text(tickSize.Value)})");
        var lotSize = parse.GetValue(LotSize);
        if (lotSize <= 0m) throw new UsageException($"--lot-size must be > 0 (was {Text(lotSize.Value)})");
        var fill = baseline is not null && !Given(parse, Fill) ? baseline.Fill : parse.GetValue(Fill) switch
        {
            "next-open" => BacktestFill.NextOpen,
            "close" => BacktestFill.Close,
            var other => throw new UsageException($"--fill: unknown '{other}'; expected next-open or close"),
        };
        var limitFill = baseline is not null && !Given(parse, LimitFill) ? baseline.LimitFill : parse.GetValue(LimitFill) switch
        {
            "touch" => PaperLimitFill.Touch,
            "through" => PaperLimitFill.Through,
            var other => throw new UsageException($"--limit-fill: unknown '{other}'; expected touch or through"),
        };
        var volumeCap = parse.GetValue(VolumeCap) is { } cap
            ? cap is > 0m and <= 100m ? cap / 100m : throw new UsageException($"--volume-cap must be in (0, 100] (was {Text(cap)})")
            : baseline?.MaxVolumeParticipation ?? 1m;
        // A side written on the command line replaces that side whole (its symbols' rates too): --financing-short 0 is none.
        var financingLong = baseline is null || Given(parse, FinancingLong)
            ? FinancingSide.Parse(FinancingLong.Name, parse.GetValue(FinancingLong) ?? []) : baseline.FinancingLong;
        var financingShort = baseline is null || Given(parse, FinancingShort)
            ? FinancingSide.Parse(FinancingShort.Name, parse.GetValue(FinancingShort) ?? []) : baseline.FinancingShort;
        var cashInterest = parse.GetValue(CashInterest) is { } rate ? CashRateFile.Read(rate) : baseline?.CashInterest ?? CashRates.None;
        var cashInterestFree = parse.GetValue(CashInterestFree) ?? baseline?.CashInterestFree ?? 0m;
        if (cashInterestFree < 0m) throw new UsageException($"--cash-interest-free must be >= 0 (was {Text(cashInterestFree)})");
        var allowShort = !parse.GetValue(NoShort) && (baseline?.AllowShort ?? true);
        var maxPosition = parse.GetValue(MaxPositionPercent);
        if (maxPosition is <= 0m or > 1000m) throw new UsageException($"--max-position-percent must be in (0, 1000] (was {Text(maxPosition.Value)})");
        var maxGross = parse.GetValue(MaxGrossExposure);
        if (maxGross is <= 0m or > 10_000m) throw new UsageException($"--max-gross-exposure must be in (0, 10000] (was {Text(maxGross.Value)})");
        var (maxGroup, groupLimits) = GroupLimitOption.Parse(parse.GetValue(MaxGroupExposure) ?? []);
        var drawdown = parse.GetValue(DrawdownStop);
        if (drawdown is <= 0m or >= 100m) throw new UsageException($"--drawdown-stop must be in (0, 100) (was {Text(drawdown.Value)})");
        var dailyLoss = parse.GetValue(DailyLossStop);
        var positionLoss = parse.GetValue(PositionLossLimit);
        if (positionLoss is <= 0m or >= 100m) throw new UsageException($"--max-position-loss must be in (0, 100) (was {Text(positionLoss.Value)})");
        if (dailyLoss is <= 0m or >= 100m) throw new UsageException($"--daily-loss-stop must be in (0, 100) (was {Text(dailyLoss.Value)})");
        TimeSpan? cooldown = parse.GetValue(CooldownAfterLoss) is not { } cooling ? null
            : Host.Configuration.Binding.DurationParser.TryParse(cooling, out var span) && span > TimeSpan.Zero ? span
            : throw new UsageException($"--cooldown-after-loss: '{cooling}' is not a duration above zero (e.g. 30m, 4h, 2d)");
        var maxOrders = parse.GetValue(MaxOrdersPerDay);
        if (maxOrders is < 1) throw new UsageException($"--max-orders-per-day must be >= 1 (was {maxOrders.Value.ToString(CultureInfo.InvariantCulture)})");
        var perMinute = parse.GetValue(MaxOrdersPerMinute);
        if (perMinute is < 1) throw new UsageException($"--max-orders-per-minute must be >= 1 (was {perMinute.Value.ToString(CultureInfo.InvariantCulture)})");
        var maxOpen = parse.GetValue(MaxOpenPositions);
        if (maxOpen is < 1) throw new UsageException($"--max-open-positions must be >= 1 (was {maxOpen.Value.ToString(CultureInfo.InvariantCulture)})");
        var maxVolatility = parse.GetValue(MaxPortfolioVolatility);
        if (maxVolatility is <= 0m or > 1000m) throw new UsageException($"--max-portfolio-volatility must be in (0, 1000] (was {Text(maxVolatility.Value)})");
        var trim = parse.GetValue(PortfolioVolatilityTrim);
        if (trim is <= 0m or > 1000m) throw new UsageException($"--portfolio-volatility-trim must be in (0, 1000] (was {Text(trim.Value)})");
        return new AccountSettings(cash, size, commission, fill, multiplier, margin)
        {
            Costs = checkedCosts,
            AllowShort = allowShort,
            LimitFill = limitFill,
            MaxVolumeParticipation = volumeCap,
            FinancingLong = financingLong,
            FinancingShort = financingShort,
            CashInterest = cashInterest,
            CashInterestFree = cashInterestFree,
            Dividends = parse.GetValue(Dividends) is { } file ? DividendFile.Read(file) : baseline?.Dividends ?? PaperVenueOptions.NoDividends,
            TickSize = tickSize,
            LotSize = lotSize,
            Sizing = ReadSizing(parse, size),
            MaxPositionPercent = maxPosition,
            MaxPortfolioVolatilityPercent = maxVolatility,
            PortfolioVolatilityTrimPercent = trim,
            MaxGrossExposurePercent = maxGross,
            MaxGroupExposurePercent = maxGroup,
            MaxGroupExposurePercents = groupLimits,
            MaxOpenPositions = maxOpen,
            MaxOrdersPerDay = maxOrders,
            MaxOrdersPerMinute = perMinute,
            MaxDrawdownPercent = drawdown,
            MaxDailyLossPercent = dailyLoss,
            MaxPositionLossPercent = positionLoss,
            CooldownAfterLoss = cooldown,
        };
    }

    /// <summary>
    /// The sizing asked for on the command line: --notional, --percent-of-equity, --risk-percent or --volatility-percent, or --size when written out; null
    /// when none was (a research run then uses a fixed --size, a bot its configured sizing).
    /// </summary>
    /// <exception cref="UsageException">Two of them were given, or a value is out of range.</exception>
    private SizingOptions? ReadSizing(ParseResult parse, decimal size)
    {
        var given = new Option[] { Size, Notional, PercentOfEquity, RiskPercent, VolatilityPercent }.Where(o => Given(parse, o)).Select(o => o.Name).ToList();
        if (given.Count > 1) throw new UsageException($"{string.Join(" and ", given)}: give one way to size entries, not {given.Count}");
        if (parse.GetValue(Notional) is { } notional)
        {
            if (notional <= 0m) throw new UsageException($"--notional must be > 0 (was {Text(notional)})");
            return new SizingOptions { Mode = SizingMode.FixedNotional, Notional = notional };
        }
        if (parse.GetValue(PercentOfEquity) is { } percent)
        {
            if (percent is <= 0m or > 100m) throw new UsageException($"--percent-of-equity must be in (0, 100] (was {Text(percent)})");
            return new SizingOptions { Mode = SizingMode.PercentOfEquity, PercentOfEquity = percent };
        }
        if (parse.GetValue(RiskPercent) is { } risk)
        {
            if (risk is <= 0m or > 100m) throw new UsageException($"--risk-percent must be in (0, 100] (was {Text(risk)})");
            return new SizingOptions { Mode = SizingMode.RiskPercent, RiskPercent = risk };
        }
        var period = parse.GetValue(VolatilityPeriod);
        if (parse.GetValue(VolatilityPercent) is { } volatility)
        {
            if (volatility is <= 0m or > 100m) throw new UsageException($"--volatility-percent must be in (0, 100] (was {Text(volatility)})");
            if (period <= 0) throw new UsageException($"--volatility-period must be > 0 (was {period})");
            return new SizingOptions { Mode = SizingMode.Volatility, VolatilityPercent = volatility, VolatilityPeriod = period ?? new SizingOptions().VolatilityPeriod };
        }
        if (period is not null) throw new UsageException("--volatility-period is the range --volatility-percent sizes by; give --volatility-percent too");
        return Given(parse, Size) ? new SizingOptions { Mode = SizingMode.FixedQuantity, Quantity = size } : null;
    }

    /// <summary>
    /// True when the option was written on the command line. An option with a default value has a result even when it
    /// was not given (an implicit one), so the result's existence alone does not tell.
    /// </summary>
    public static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static decimal NotNegative(Option<decimal> option, decimal value) =>
        value < 0m ? throw new UsageException($"{option.Name} must be >= 0 (was {Text(value)})") : value;

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
