using System.Globalization;
using Bulwark.Backtest;
using Bulwark.Backtest.Reports;
using Bulwark.Core.Calendar;
using Bulwark.Core.Kernel;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Venues;

namespace Bulwark.Cli.Commands;

/// <summary>
/// How `backtest` shows one run: the JSON view (--json, in BacktestOutput.View.cs) or the table printed to the terminal.
/// Both say what the run used (the bot, if one was tested, its sizing and trading hours) and what each signal source did.
/// </summary>
internal static partial class BacktestOutput
{
    /// <param name="botId">The configured bot tested, or null for a --strategy run.</param>
    /// <param name="run">What produced the run: a --strategy run's first line names the strategy with its parameters and
    /// the data's span; null: no such line (a workflow's heading names it).</param>
    public static void Print(BacktestResult r, BacktestMetrics m, string? reportPath, BacktestOptions options, string? botId,
        RunProvenance? run)
    {
        var inv = CultureInfo.InvariantCulture;
        if (botId is not null) Console.Out.WriteLine(BotLine(botId, options));
        else if (run is { Strategies: [var strategy] }) Console.Out.WriteLine($"{strategy.Text} on {DataLine(run)}");
        Console.Out.WriteLine(string.Create(inv, $"final value {r.FinalValue:0.00}, cash {r.Cash:0.00}, return {r.TotalReturn:P2}"));
        if (r.Commission != 0m)
            Console.Out.WriteLine(string.Create(inv, $"commission {r.Commission:0.00} on {r.Buys + r.Sells} fills ({(r.StartingCash > 0m ? r.Commission / r.StartingCash : 0m):P2} of the starting cash)"));
        if (r.Slippage != 0m)
            Console.Out.WriteLine(string.Create(inv, $"slippage and impact {r.Slippage:0.00} on {r.Orders.Count(o => o.Slippage != 0m)} orders ({(r.StartingCash > 0m ? r.Slippage / r.StartingCash : 0m):P2} of the starting cash), in the fill prices"));
        if (r.ImplementationShortfall != 0m) Console.Out.WriteLine(ShortfallLine(r));
        if (options.Sizing is { PortfolioVolatilityTrimPercent: not null } trimmed) Console.Out.WriteLine(TrimLine(r, trimmed));
        if (options.ChargesFinancing)
            Console.Out.WriteLine(string.Create(inv, $"financing {r.Financing:0.00} (positions held overnight, {FinancingView.Text(options)})"));
        if (options.CashInterest.PaysAny)
            Console.Out.WriteLine(string.Create(inv, $"interest {r.Interest:0.00} (idle cash {CashInterestView.Text(options.CashInterest, options.CashInterestFreeBalance)})"));
        if (options.Dividends.Count > 0)
            Console.Out.WriteLine(string.Create(inv, $"dividends {r.Dividends:0.00} (received by longs less paid by shorts, of {options.Dividends.Values.Sum(d => d.Count)} ex-dates given)"));
        Console.Out.WriteLine(string.Create(inv, $"CAGR {m.Cagr:P2}, Sharpe {m.Sharpe:0.00}, Sortino {m.Sortino:0.00}, max drawdown {m.MaxDrawdown:P2}"));
        Console.Out.WriteLine(string.Create(inv, $"volatility {m.Volatility:P2}, Calmar {m.Calmar:0.00}, longest drawdown {LongestDrawdownText(m)}"));
        var risk = m.Risk;
        Console.Out.WriteLine(string.Create(inv, $"value at risk {risk.ValueAtRisk:P2} a bar (95%, historical), expected shortfall {risk.ExpectedShortfall:P2} (the worst {risk.TailBars}), skewness {risk.Skewness:0.00}, kurtosis {risk.Kurtosis:0.00}, ulcer index {risk.UlcerIndex:P2} (performance {risk.UlcerPerformance:0.00})"));
        Console.Out.WriteLine(string.Create(inv, $"{m.Trades} trades closed{ExitCounts(m)}, {m.OpenTrades} open, win rate {m.WinRate:P2}, exposure {m.Exposure:P2}, turnover {m.Turnover:0.00}"));
        var t = m.TradeStats;
        var profitFactor = t.ProfitFactor is { } pf ? pf.ToString("0.00", inv) : "n/a (no losing trade)";
        Console.Out.WriteLine(string.Create(inv, $"profit factor {profitFactor}, average win {t.AverageWin:0.00} / loss {t.AverageLoss:0.00}, largest win {t.LargestWin:0.00} / loss {t.LargestLoss:0.00}, average hold {TradeStatistics.Describe(t.AverageHold)}"));
        Console.Out.WriteLine(string.Create(inv, $"expectancy {t.Expectancy:0.00} a trade, longest runs {t.MaxConsecutiveWins} won / {t.MaxConsecutiveLosses} lost{(t.AverageR is { } averageR ? string.Create(inv, $", average R {averageR:0.00} over the {t.TradesWithRisk} with a stop") : "")}{(t.Kelly is { } kelly ? string.Create(inv, $", Kelly {kelly:P1}") : "")}"));
        Console.Out.WriteLine(string.Create(inv, $"buy and hold return {m.BuyAndHoldReturn:P2} (last close over first open, equal weights)"));
        if (m.BySymbol.Count > 1)
        {
            Console.Out.WriteLine("by symbol:");
            var width = m.BySymbol.Max(s => s.Symbol.Length);
            foreach (var s in m.BySymbol)
                Console.Out.WriteLine(string.Create(inv, $"  {s.Symbol.PadRight(width)}  {s.Trades} trades closed{(s.OpenTrades > 0 ? string.Create(inv, $" and 1 open ({s.OpenPnL:0.00})") : "")}, win rate {s.WinRate:P2}, PnL {s.PnL:0.00}, {s.Contribution:P2} of the starting cash"));
        }
        if (m.BySide.Count > 1)
        {
            Console.Out.WriteLine("by side:");
            foreach (var s in m.BySide)
                Console.Out.WriteLine(string.Create(inv, $"  {(s.Side == TradeSide.Long ? "long " : "short")}  {s.Trades} trades closed{(s.OpenTrades > 0 ? string.Create(inv, $" and {s.OpenTrades} open ({s.OpenPnL:0.00})") : "")}, win rate {s.WinRate:P2}, PnL {s.PnL:0.00}, profit factor {(s.Stats.ProfitFactor is { } sidePf ? sidePf.ToString("0.00", inv) : "n/a")}, expectancy {s.Stats.Expectancy:0.00}"));
        }
        if (m.Benchmark is { } b)
        {
            Console.Out.WriteLine(string.Create(inv, $"benchmark {b.Symbol}: return {b.TotalReturn:P2}, CAGR {b.Cagr:P2}, max drawdown {b.MaxDrawdown:P2};"));
            Console.Out.WriteLine(string.Create(inv, $"  against it: beta {b.Beta:0.00}, alpha {b.Alpha:P2} a year, correlation {b.Correlation:0.00}, tracking error {b.TrackingError:P2}, information ratio {b.InformationRatio:0.00}, up / down capture {(b.UpCapture is { } up ? up.ToString("P0", inv) : "n/a")} / {(b.DownCapture is { } down ? down.ToString("P0", inv) : "n/a")}"));
        }
        if (m.MonteCarlo is { } mc)
        {
            Console.Out.WriteLine(string.Create(inv, $"monte carlo, {mc.Runs:N0} resamplings of the {mc.Trades} closed trades{(mc.Block > 1 ? $" in blocks of {mc.Block}" : "")}{(mc.Compounded ? ", compounded as fractions of the account" : "")} (seed {mc.Seed}): final value {mc.FinalValue.P5:0.00} / {mc.FinalValue.P50:0.00} / {mc.FinalValue.P95:0.00} (5th / median / 95th percentile),"));
            Console.Out.WriteLine(string.Create(inv, $"  max drawdown {mc.MaxDrawdown.P50:P2} / {mc.MaxDrawdown.P95:P2} / {mc.MaxDrawdown.P99:P2} (median / 95th / 99th), {mc.LossProbability:P1} of paths end below the starting cash"));
        }
        Console.Out.WriteLine(string.Create(inv, $"{r.Buys} buys, {r.Sells} sells; {r.BarsProcessed} bars, {r.BarsSkipped} skipped outside sessions"));
        if (r.Sources.Count > 0)
        {
            Console.Out.WriteLine("signal sources:");
            var width = r.Sources.Max(s => s.Source.Length);
            foreach (var s in r.Sources)
                Console.Out.WriteLine(string.Create(inv, $"  {s.Source.PadRight(width)}  {s.Signals} signals ({s.Denied} denied{DenialReasons(s)}), {s.Orders} orders ({s.OrdersDenied} denied by risk{(s.OrdersRejected > 0 ? string.Create(inv, $", {s.OrdersRejected} rejected by the venue") : "")}), {s.Fills} fills, {s.RoundTrips} round trips ({s.Wins} won, PnL {s.RealizedPnl:0.00}){SourceCosts.Text(s.Commission, s.Slippage, s.ImplementationShortfall)}, weight {s.Weight:0.00}"));
        }
        PrintRiskDenials(r, options);
        PrintCashRejections(r, options);
        PrintNotices(r);
        // A long run's orders would flood the terminal: the first and last ones, and the count of those left out.
        var orders = r.Orders;
        var (head, tail) = orders.Count <= OrdersShownInFull ? (orders.Count, 0) : (OrdersAtEachEnd, OrdersAtEachEnd);
        if (orders.Count > 0) Console.Out.WriteLine(string.Create(inv, $"orders: {orders.Count:N0} (times UTC)"));
        for (var i = 0; i < head; i++) Console.Out.WriteLine(OrderLine(orders[i]));
        if (tail > 0)
        {
            Console.Out.WriteLine(string.Create(inv, $"  ... {orders.Count - head - tail:N0} more orders (every order is in the --json output) ..."));
            for (var i = orders.Count - tail; i < orders.Count; i++) Console.Out.WriteLine(OrderLine(orders[i]));
        }
        if (reportPath is { Length: > 0 }) Console.Out.WriteLine($"report written to {reportPath}");
    }

    /// <summary>
    /// Entries the venue rejected for want of cash, and why a sizing by the account's value meets it: the size is taken
    /// at the signal bar's close, so its commission, slippage or a higher open at the fill leaves it more than the cash.
    /// </summary>
    private static void PrintCashRejections(BacktestResult r, BacktestOptions options)
    {
        var count = r.Orders.Count(o => o.RejectCode == VenueRejectCode.InsufficientFunds);
        if (count == 0) return;
        var sizing = options.EffectiveSizing;
        var why = sizing.Mode switch
        {
            SizingMode.PercentOfEquity => string.Create(CultureInfo.InvariantCulture,
                $"each sized at {sizing.PercentOfEquity}% of the account's value at the signal's close, with no room left for its commission, slippage or a higher open; size lower to leave it"),
            SizingMode.FixedNotional => string.Create(CultureInfo.InvariantCulture,
                $"each sized to {sizing.Notional} of notional, more than the cash left with its commission and slippage"),
            SizingMode.RiskPercent => string.Create(CultureInfo.InvariantCulture,
                $"each sized to lose {sizing.RiskPercent}% of the account's value at its stop, which a close stop makes up to the whole account, with no room left for its commission, slippage or a higher open"),
            SizingMode.Volatility => string.Create(CultureInfo.InvariantCulture,
                $"each sized to move {sizing.VolatilityPercent}% of the account's value in one ATR({sizing.VolatilityPeriod}), which a calm market makes up to the whole account, with no room left for its commission, slippage or a higher open"),
            _ => string.Create(CultureInfo.InvariantCulture,
                $"each entry of {sizing.Quantity} costs more than the cash left, with its commission and slippage; an account that trades on margin posts it instead: --margin, or an instrument's initialMargin"),
        };
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"orders rejected by the venue for want of cash: {count:N0} ({why})"));
    }

    /// <summary>
    /// "denied by risk: 205 MaxOrderNotionalExceeded (risk.maxOrderNotional 25000, the default when not set)": which limit
    /// kept orders from the venue, and its value, so a limit the user never set is not a mystery.
    /// </summary>
    private static void PrintRiskDenials(BacktestResult r, BacktestOptions options)
    {
        var counts = r.Orders.Where(o => o.Denied is not null).GroupBy(o => o.Denied!.Value)
            .Select(g => (Reason: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
        if (counts.Count == 0) return;
        var inv = CultureInfo.InvariantCulture;
        Console.Out.WriteLine("orders denied by risk:");
        foreach (var (reason, count) in counts)
            Console.Out.WriteLine(string.Create(inv, $"  {count:N0} {reason}{(RiskLimitText(reason, options.Risk) is { } limit ? $" ({limit})" : "")}"));
    }

    /// <summary>The configured limit behind a denial, "risk.maxOrderNotional 25000, the default when not set"; null for other reasons.</summary>
    private static string? RiskLimitText(DenyReason reason, RiskLimits? limits)
    {
        if (limits is null) return null;
        var defaults = new RiskLimits();
        var inv = CultureInfo.InvariantCulture;
        string Limit(string key, decimal value, decimal byDefault) =>
            string.Create(inv, $"risk.{key} {value}{(value == byDefault ? ", the default when not set" : "")}");
        return reason switch
        {
            DenyReason.MaxOrderNotionalExceeded => Limit("maxOrderNotional", limits.MaxOrderNotional, defaults.MaxOrderNotional),
            DenyReason.MaxPositionExceeded => Limit("maxPositionNotional", limits.MaxPositionNotional, defaults.MaxPositionNotional),
            DenyReason.DailyLossLimit => Limit("maxDailyLoss", limits.MaxDailyLoss, defaults.MaxDailyLoss),
            DenyReason.MaxOrdersPerDay => Limit("maxOrdersPerDay", limits.MaxOrdersPerDay, defaults.MaxOrdersPerDay),
            DenyReason.MaxOrdersPerMinute => Limit("maxOrdersPerMinute", limits.MaxOrdersPerMinute, defaults.MaxOrdersPerMinute),
            DenyReason.PriceOutsideCollar when limits.MaxPriceDeviationPercent is { } collar => Limit("maxPriceDeviationPercent", collar, -1m),
            DenyReason.MaxGroupExposureExceeded when limits.LimitsGroups() => GroupLimitText(limits),
            DenyReason.CircuitBreakerOpen => BreakerText(limits),
            _ => null,
        };
    }

    /// <summary>"risk.maxGroupExposurePercent 20, risk.maxGroupExposurePercents semis 10, energy 30": the limits in use.</summary>
    private static string GroupLimitText(RiskLimits limits)
    {
        var inv = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        if (limits.MaxGroupExposurePercent is { } byDefault) parts.Add(string.Create(inv, $"risk.maxGroupExposurePercent {byDefault}"));
        if (limits.MaxGroupExposurePercents.Count > 0)
            parts.Add("risk.maxGroupExposurePercents " + string.Join(", ", limits.MaxGroupExposurePercents.Ordered.Select(g => string.Create(inv, $"{g.Key} {g.Value}"))));
        return string.Join(", ", parts);
    }

    /// <summary>"tripped by risk.maxConsecutiveLosses 3, open for risk.breakerCooldown 30m": only the triggers in use.</summary>
    private static string BreakerText(RiskLimits limits)
    {
        var inv = CultureInfo.InvariantCulture;
        var triggers = new List<string>();
        if (limits.MaxDailyLoss > 0m) triggers.Add(string.Create(inv, $"risk.maxDailyLoss {limits.MaxDailyLoss}"));
        if (limits.MaxConsecutiveLosses > 0) triggers.Add(string.Create(inv, $"risk.maxConsecutiveLosses {limits.MaxConsecutiveLosses}"));
        return $"tripped by {(triggers.Count > 0 ? string.Join(" or ", triggers) : "a limit")}, open for risk.breakerCooldown {TradeStatistics.Describe(limits.BreakerCooldown)}";
    }

    /// <summary>Runs with at most this many notices print them all; longer ones the first ones and the count left out.</summary>
    internal const int NoticesShown = 10;

    /// <summary>"notices: 3 (2 CircuitBreakerTripped, 1 StrategyFallback)", then one line each (the first few).</summary>
    private static void PrintNotices(BacktestResult r)
    {
        if (r.NoticeCounts.Count == 0) return;
        var total = r.NoticeCounts.Values.Sum();
        var inv = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Create(inv,
            $"notices: {total:N0} ({string.Join(", ", r.NoticeCounts.Select(c => string.Create(inv, $"{c.Value:N0} {c.Key}")))})"));
        foreach (var n in r.Notices.Take(NoticesShown))
            Console.Out.WriteLine($"  {BarTimeText.Of(n.Time)} {n.Severity.ToString().ToLowerInvariant(),-8} {n.Code}: {n.Message}");
        if (total > NoticesShown)
            Console.Out.WriteLine(string.Create(inv, $"  ... {total - NoticesShown:N0} more (the --json output lists the first {BacktestNotices.Kept:N0}) ..."));
    }

    /// <summary>" (4 by a protective stop, 2 at a take-profit, 1 by a time stop)" after the closed trades' count, or nothing when neither closed any.</summary>
    private static string ExitCounts(BacktestMetrics m)
    {
        var parts = new List<string>(3);
        if (m.StoppedOut > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{m.StoppedOut} by a protective stop"));
        if (m.TookProfit > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{m.TookProfit} at a take-profit"));
        if (m.TimedOut > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{m.TimedOut} by a time stop"));
        if (m.LossLimited > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{m.LossLimited} by the loss limit per position"));
        if (m.BlackedOut > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{m.BlackedOut} by a blackout"));
        if (m.ScaledOut > 0) parts.Add(string.Create(CultureInfo.InvariantCulture,
            $"{m.ScaledOut} scaled out at a take-profit first{(m.ScaleOuts > m.ScaledOut ? $", {m.ScaleOuts} steps in all" : "")}"));
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    /// <summary>": 2 OrderPending, 1 StopNotReady" after a source's denied count; nothing when none was denied.</summary>
    /// <summary>
    /// "volatility trims: 3 orders cut positions back to the book's cap of 8% a year, 2 filled (41 units sold, 0 bought
    /// back)", or that none did: what trimming the book cost in trading, beside the notices saying when it was over.
    /// </summary>
    internal static string TrimLine(BacktestResult r, SizingOptions sizing)
    {
        var trims = r.Orders.Where(o => o.Tag == BotKernel.VolatilityTrimTag).ToList();
        var inv = CultureInfo.InvariantCulture;
        if (trims.Count == 0)
            return string.Create(inv, $"volatility trims: none (the book's estimate never rose {sizing.PortfolioVolatilityTrimPercent}% over its cap of {sizing.MaxPortfolioVolatilityPercent}% a year with a position to cut)");
        var sold = trims.Where(o => o.Side == OrderSide.Sell).Sum(o => o.Filled);
        var bought = trims.Where(o => o.Side == OrderSide.Buy).Sum(o => o.Filled);
        return string.Create(inv,
            $"volatility trims: {trims.Count} orders cut positions back to the book's cap of {sizing.MaxPortfolioVolatilityPercent}% a year, {trims.Count(o => o.Filled > 0m)} filled ({sold} units sold, {bought} bought back)");
    }

    /// <summary>
    /// "implementation shortfall 812.40 on 46 market and stop orders against the prices they were decided at (signals' closes, stops'
    /// levels): 436.50 slippage and impact, 375.90 the market's move before the fills": what next-open fills and gaps
    /// through stops cost beyond the modelled slippage.
    /// </summary>
    internal static string ShortfallLine(BacktestResult r)
    {
        var measured = r.Orders.Where(o => Core.Execution.DecisionShortfall.Applies(o.Type) && o.Filled > 0m).ToList();
        var slippage = measured.Sum(o => o.Slippage);
        return string.Create(CultureInfo.InvariantCulture,
            $"implementation shortfall {r.ImplementationShortfall:0.00} on {measured.Count} market and stop orders against the prices they were decided at (signals' closes, stops' levels): {slippage:0.00} slippage and impact, {r.ImplementationShortfall - slippage:0.00} the market's move before the fills");
    }

    private static string DenialReasons(BacktestSourceResult s) =>
        s.DeniedByReason.Count == 0 ? "" : ": " + Core.Feedback.DenialCounts.Text(s.DeniedByReason);

    private static string LongestDrawdownText(BacktestMetrics m) =>
        m.LongestDrawdownStart is { } start && m.LongestDrawdownEnd is { } end
            ? $"{TradeStatistics.Describe(m.LongestDrawdown)} ({BarTimeText.Of(start)} to {BarTimeText.Of(end)}{(m.LongestDrawdownRecovered ? "" : ", not recovered")})"
            : "none";

    /// <summary>Runs with at most this many orders print them all; longer ones the first and last <see cref="OrdersAtEachEnd"/>.</summary>
    internal const int OrdersShownInFull = 100;
    internal const int OrdersAtEachEnd = 20;

    private static string OrderLine(BacktestOrder o)
    {
        var inv = CultureInfo.InvariantCulture;
        // An order filled in part (a volume cap) says how much, from its first fill at the average price.
        var part = o.Filled < o.Quantity ? string.Create(inv, $" ({o.Filled:0.##########} filled{(o.Canceled ? ", the rest canceled" : "")})") : "";
        var outcome = o.FilledAt is { } f && o.FillPrice is { } price ? string.Create(inv, $"{BarTimeText.Of(f)} @ {PriceText.Of(price)}{part}")
            : o.Denied is { } reason ? $"denied ({reason}{(o.DeniedDetail is { Length: > 0 } why ? ": " + why : "")})"
            : o.Rejected is { } detail ? $"rejected by the venue ({detail})"
            : o.Canceled ? "canceled" : "unfilled";
        // A market order's price is the close it was decided at; a limit's or a stop's is its own price.
        var type = o.Tag == BotKernel.TakeProfitTag ? "take-profit " : o.Type == OrderType.Market ? "" : o.Type.ToString().ToLowerInvariant() + " ";
        // A market order the kernel sent for a source, not one the source signalled, says why.
        var sentFor = o.Tag is BotKernel.TimeStopTag or BotKernel.VolatilityTrimTag or BotKernel.LossLimitTag or BotKernel.BlackoutTag ? ", " + o.Tag : "";
        return string.Create(inv, $"  {BarTimeText.Of(o.CreatedAt)} {o.Side,-4} {o.Quantity:0.##########} {o.Symbol} {type}@ {PriceText.Of(o.CreatePrice)} -> {outcome}  [{o.Source}{sentFor}]");
    }


    /// <summary>
    /// "SPY, QQQ: 510 bars from 2024-01-02 to 2024-12-31": the bars read, then the --from/--to window if one was given
    /// ("; used from 2024-06-01 to the end").
    /// </summary>
    private static string DataLine(RunProvenance run)
    {
        var files = run.Data;
        var firsts = files.Where(f => f.First is not null).Select(f => f.First!.Value).ToList();
        var lasts = files.Where(f => f.Last is not null).Select(f => f.Last!.Value).ToList();
        var span = firsts.Count == 0 ? "" : $" from {BarTimeText.Of(firsts.Min())} to {BarTimeText.Of(lasts.Max())}";
        var window = run.WindowText is { } used ? $"; used from {used}" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", files.Select(f => f.Symbol))}: {files.Sum(f => f.Bars):N0} bars{span}{window}");
    }

    /// <summary>The tested bot with its sizing and what the run did about trading hours.</summary>
    private static string BotLine(string botId, BacktestOptions options)
    {
        var s = options.EffectiveSizing;
        var amount = s.Mode switch
        {
            SizingMode.FixedQuantity => s.Quantity.ToString(CultureInfo.InvariantCulture),
            SizingMode.FixedNotional => s.Notional.ToString(CultureInfo.InvariantCulture),
            SizingMode.RiskPercent => s.RiskPercent.ToString(CultureInfo.InvariantCulture) + "% at risk",
            SizingMode.Volatility => string.Create(CultureInfo.InvariantCulture, $"{s.VolatilityPercent}% per ATR({s.VolatilityPeriod})"),
            _ => s.PercentOfEquity.ToString(CultureInfo.InvariantCulture) + "%",
        };
        var hours = options.TradingHours is { Enforce: true } h
            ? (h.FlattenAtClose ? "enforced, intraday positions flattened before the close" : "enforced") + EntryWindows(h)
            : options.EnforceTradingHours ? "bars outside sessions skipped (daily bars: not enforced in the kernel)" : "not enforced";
        var cap = (s.MaxPercentOfEquity is { } max ? string.Create(CultureInfo.InvariantCulture, $", at most {max}% of the account a position") : "")
            + (s.MaxPortfolioVolatilityPercent is { } book ? string.Create(CultureInfo.InvariantCulture, $", the book's volatility at most {book}% a year") : "")
            + (s.PortfolioVolatilityTrimPercent is { } trim ? string.Create(CultureInfo.InvariantCulture, $", trimmed back to it {trim}% over") : "");
        return $"bot {botId}: sizing {Camel(s.Mode.ToString())} {amount}{cap}{(s.UseAdaptiveWeights ? " scaled by adaptive weights" : "")}; trading hours {hours}";
    }

    /// <summary>", no entries 15m after the open and 30m before the close (intraday)", or "".</summary>
    private static string EntryWindows(TradingHoursOptions h) =>
        (h.NoEntriesAfterOpen > TimeSpan.Zero ? $", no entries for {TradeStatistics.Describe(h.NoEntriesAfterOpen)} after the open" : "")
        + (h.NoEntriesBeforeClose > TimeSpan.Zero ? $", no intraday entries for {TradeStatistics.Describe(h.NoEntriesBeforeClose)} before the close" : "");
}
