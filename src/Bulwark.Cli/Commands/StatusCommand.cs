using System.CommandLine;
using System.Globalization;
using Bulwark.Core.Feedback;
using Bulwark.Core.Model;
using Bulwark.Host.Operations;

namespace Bulwark.Cli.Commands;

internal static class StatusCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("status", "Show each bot's state from its journal, running or not") { json };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = CommonOptions.Context(parse);
            var bots = new List<BotStatus>();
            foreach (var (bot, _, paths) in ctx.Bots(parse.GetValue(CommonOptions.Bot)))
            {
                var status = await StatusReader.ReadAsync(paths, ctx.Time, ct).ConfigureAwait(false);
                var limits = new BookLimitsStatus(status.Positions.Count(p => p.Quantity != 0m),
                    bot.Risk.MaxOpenPositions > 0 ? bot.Risk.MaxOpenPositions : null, bot.Risk.MaxGrossExposurePercent,
                    bot.Sizing.MaxPortfolioVolatilityPercent)
                {
                    PortfolioVolatilityTrimPercent = bot.Sizing.PortfolioVolatilityTrimPercent,
                    MaxDrawdownPercent = bot.Risk.MaxDrawdownPercent,
                    MaxDailyLossPercent = bot.Risk.MaxDailyLossPercent,
                    MaxPositionLossPercent = bot.Risk.MaxPositionLossPercent,
                    MaxGroupExposurePercent = bot.Risk.MaxGroupExposurePercent,
                    MaxGroupExposurePercents = bot.Risk.MaxGroupExposurePercents.ByNameOrNull(),
                    MaxOrdersPerDay = bot.Risk.MaxOrdersPerDay > 0 ? bot.Risk.MaxOrdersPerDay : null,
                    OrdersSentToday = status.OrdersSentToday,
                    MaxOrdersPerMinute = bot.Risk.MaxOrdersPerMinute > 0 ? bot.Risk.MaxOrdersPerMinute : null,
                    OrdersLastMinute = status.OrdersLastMinute,
                    CooldownAfterLoss = bot.Risk.CooldownAfterLoss,
                };
                var allocations = bot.AllocationPercents();
                if (allocations.Count > 0)
                    status = status with { Sources = [.. status.Sources.Select(s => s with { AllocationPercent = allocations.GetValueOrDefault(s.Source) is > 0m and var a ? a : null })] };
                if (bot.Blackouts is { } blackouts)
                    status = status with { Blackouts = BlackoutStatus.Of(blackouts.Blackouts, TradingDay(bot, ctx.Time)) };
                bots.Add(limits.Any ? status with { Limits = limits } : status);
            }
            if (parse.GetValue(json)) JsonOutput.Write(new { bots });
            else foreach (var b in bots) Print(b);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Today in the bot's trading time zone, as its kernel counts the trading day.</summary>
    private static DateOnly TradingDay(Host.Configuration.BotConfig bot, TimeProvider time)
    {
        var zone = new Core.Kernel.BotKernelOptions { BotId = bot.Id, Instruments = bot.InstrumentMap() }.TradingTimeZone;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
    }

    private static void Print(BotStatus b)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Create(inv, $"{b.Id}: {b.TradingState}{(b.TradingStateReason.Length > 0 ? $" ({b.TradingStateReason})" : "")}, {(b.Running ? "running" : "not running")}"));
        Console.Out.WriteLine(string.Create(inv, $"  cash {b.Cash:0.00} {b.Currency}, day PnL {b.DailyPnl:0.00} ({b.TradingDate}{(b.DayOpeningValue > 0m ? string.Create(inv, $", opened at {b.DayOpeningValue:0.00}") : "")}), peak equity {b.PeakEquity:0.00}, breaker {b.Breaker}, losing streak {b.ConsecutiveLosses}"));
        Console.Out.WriteLine(string.Create(inv, $"  open orders {b.OpenOrders}, fills {b.Fills}, signals {b.SignalsReceived} received / {b.SignalsDenied} denied, alerts {b.Alerts}, events {b.LastSequence}"));
        if (b.Flattening is { } flattening)
            Console.Out.WriteLine($"  FLATTENING ({flattening}): closing {b.Positions.Count} {(b.Positions.Count == 1 ? "position" : "positions")}, {b.OpenOrders} {(b.OpenOrders == 1 ? "order" : "orders")} working; nothing else goes out");
        foreach (var (symbol, why) in b.FlatteningSymbols)
        {
            var held = b.Positions.FirstOrDefault(p => p.Symbol == symbol)?.Quantity ?? 0m;
            Console.Out.WriteLine(string.Create(inv, $"  FLATTENING {symbol} ({why}): {(held == 0m ? "no position held" : $"closing {held}")}, its working orders canceled; nothing else goes out in {symbol}"));
        }
        foreach (var (symbol, why) in b.ReduceOnlySymbols)
            Console.Out.WriteLine($"  REDUCE-ONLY {symbol} ({why}): no position opened or added to there until 'bulwark resume --symbol {symbol}'");
        foreach (var (symbol, why) in b.DataStops)
            Console.Out.WriteLine($"  DATA STOP {symbol}: {why}; no position opened or added to there until its data is good again");
        foreach (var x in b.Blackouts)
        {
            var days = x.From == x.To ? x.From : $"{x.From}..{x.To}";
            var why = x.Reason.Length > 0 ? $" ({x.Reason})" : "";
            Console.Out.WriteLine(x.Active
                ? $"  BLACKOUT {x.Symbol} {days}{why}: no position opened or added to there{(x.Exit ? ", and any held is closed" : "")}"
                : $"  blackout ahead: {x.Symbol} {days}{why}{(x.Exit ? ", closing any position held" : "")}");
        }
        if (b.DailyLossStop is { } stopped) Console.Out.WriteLine($"  DAILY LOSS STOP: {stopped}");
        if (b.Financing != 0m) Console.Out.WriteLine(string.Create(inv, $"  financing {b.Financing:0.00} (positions held overnight, as the venue charged it)"));
        if (b.Interest != 0m) Console.Out.WriteLine(string.Create(inv, $"  interest {b.Interest:0.00} (idle cash, as the venue paid it)"));
        if (b.Dividends != 0m) Console.Out.WriteLine(string.Create(inv, $"  dividends {b.Dividends:0.00} (received by longs less paid by shorts, as the venue paid them)"));
        foreach (var p in b.Positions)
            Console.Out.WriteLine(string.Create(inv, $"  {p.Symbol}: {p.Quantity} @ {PriceText.Of(p.AveragePrice)} (realized {p.RealizedPnl:0.00}){Opened(p)}"));
        if (b.Limits is { } limits) Console.Out.WriteLine(LimitsLine(limits));
        foreach (var s in b.Sources) PrintSource(s);
        if (!b.LastReconciliationInSync) Console.Out.WriteLine("  last reconciliation: OUT OF SYNC (see 'bulwark reconcile')");
        if (b.FailedStrategies.Count > 0)
            Console.Out.WriteLine($"  strategies switched off after failing: {string.Join(", ", b.FailedStrategies)} ('bulwark resume' turns them back on)");
    }

    /// <summary>
    /// "  sma-cross: 40 signals, 3 denied (2 StopNotReady, 1 MarketClosed), 37 orders (2 denied by risk: 2 MaxGrossExposureExceeded), ...",
    /// then its last denial and why.
    /// </summary>
    /// <summary>", opened by sma-cross 2024-03-05 15:00:00Z" after a position, as far as the journal knows.</summary>
    private static string Opened(PositionStatus p) =>
        (p.OpenedBy, p.OpenedAt) switch
        {
            (null, null) => "",
            ({ } by, null) => $", opened by {by}",
            (var by, { } at) => string.Create(CultureInfo.InvariantCulture, $", opened{(by is null ? "" : " by " + by)} {at.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z"),
        };

    /// <summary>"a group at most 20% of the account (semis 10%)", or "a group at most its own share of the account (semis 10%)"; null for no limit.</summary>
    internal static string? GroupLimitsText(decimal? byDefault, IReadOnlyDictionary<string, decimal>? own)
    {
        if (byDefault is null && own is null) return null;
        var inv = CultureInfo.InvariantCulture;
        var named = own is null ? "" : $" ({string.Join(", ", own.Select(g => string.Create(inv, $"{g.Key} {g.Value}%")))})";
        return byDefault is { } limit
            ? string.Create(inv, $"a group at most {limit}% of the account{named}")
            : $"a group at most its own share of the account{named}";
    }

    /// <summary>"  book limits: 2 of at most 5 positions open, gross exposure at most 150% of the account, volatility at most 12% a year".</summary>
    private static string LimitsLine(BookLimitsStatus l)
    {
        var inv = CultureInfo.InvariantCulture;
        List<string> parts = [l.MaxOpenPositions is { } most
            ? string.Create(inv, $"{l.OpenPositions} of at most {most} positions open")
            : string.Create(inv, $"{l.OpenPositions} positions open")];
        if (l.MaxGrossExposurePercent is { } gross) parts.Add(string.Create(inv, $"gross exposure at most {gross}% of the account"));
        if (GroupLimitsText(l.MaxGroupExposurePercent, l.MaxGroupExposurePercents) is { } groups) parts.Add(groups);
        if (l.MaxPortfolioVolatilityPercent is { } volatility)
            parts.Add(string.Create(inv, $"volatility at most {volatility}% a year{(l.PortfolioVolatilityTrimPercent is { } trim ? string.Create(inv, $", trimmed back to it {trim}% over") : "")}"));
        if (l.MaxDrawdownPercent is { } drawdown) parts.Add(string.Create(inv, $"reduce-only {drawdown}% below the peak"));
        if (l.MaxDailyLossPercent is { } dailyLoss) parts.Add(string.Create(inv, $"no new exposure for the day {dailyLoss}% below its opening value"));
        if (l.MaxPositionLossPercent is { } positionLoss) parts.Add(string.Create(inv, $"a position closed at an open loss of {positionLoss}% of the account"));
        if (l.MaxOrdersPerDay is { } orders) parts.Add(string.Create(inv, $"{l.OrdersSentToday} of at most {orders} orders sent today"));
        if (l.MaxOrdersPerMinute is { } perMinute) parts.Add(string.Create(inv, $"{l.OrdersLastMinute} of at most {perMinute} orders in the last minute"));
        if (l.CooldownAfterLoss is { } cooldown) parts.Add(string.Create(inv, $"no entry in a symbol for {Backtest.Reports.TradeStatistics.Describe(cooldown)} after a loss there"));
        return "  book limits: " + string.Join(", ", parts);
    }

    private static void PrintSource(SourceStatus s)
    {
        var inv = CultureInfo.InvariantCulture;
        var reasons = s.DeniedByReason.Count == 0 ? "" : $" ({DenialCounts.Text(s.DeniedByReason)})";
        var ordersDenied = s.OrdersDenied == 0 ? "" : string.Create(inv, $" ({s.OrdersDenied} denied by risk: {DenialCounts.Text(s.OrdersDeniedByReason)})");
        Console.Out.WriteLine(string.Create(inv,
            $"  {s.Source}: {s.Signals} signals, {s.Denied} denied{reasons}, {s.Orders} orders{ordersDenied}, {s.Fills} fills, {s.RoundTrips} round trips ({s.Wins} won), realized {s.RealizedPnl:0.00}{SourceCosts.Text(s.Commission, s.Slippage, s.ImplementationShortfall)}, weight {s.Weight:0.00}{(s.AllocationPercent is { } share ? string.Create(inv, $", trades {share}% of its size") : "")}"));
        if (s.LastDenied is { } d)
            Console.Out.WriteLine(string.Create(inv,
                $"    last denied {d.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z, {d.Symbol}: {d.Reason} ({d.Detail})"));
    }
}
