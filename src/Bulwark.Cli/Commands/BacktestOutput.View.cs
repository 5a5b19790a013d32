using System.Globalization;
using System.Text.Json;
using Bulwark.Backtest;
using Bulwark.Backtest.Reports;
using Bulwark.Core.Risk;

namespace Bulwark.Cli.Commands;

/// <summary>The JSON view of one run (--json): every figure, order and trade, and what the run used.</summary>
internal static partial class BacktestOutput
{
    /// <param name="botId">The configured bot tested, or null for a --strategy run.</param>
    /// <param name="run">What produced the run; null inside a workflow (the workflows' JSON carries it once).</param>
    public static object View(BacktestResult r, BacktestMetrics m, AccountSettings account, BacktestOptions options, string? botId,
        RunProvenance? run) => new
    {
        Run = run,
        Bot = botId,
        r.StartingCash,
        r.FinalValue,
        r.Cash,
        r.StrategyFailures,
        Fill = account.FillName,
        LimitFill = account.LimitFillName,
        VolumeCap = account.VolumeCapPercent,
        // A bot's instruments carry their own multiplier and margin; a --strategy run gives every instrument the account's.
        Commission = botId is null ? account.CommissionView : account.CommissionViewOf([.. options.Instruments.Values]),
        Slippage = account.SlippageView,
        options.AllowShort,
        // What positions held overnight cost (negative) or earned, at the yearly rates asked.
        Financing = FinancingView.Of(options, r.Financing),
        // What idle cash earned at the yearly rate asked, or the rates by day (a negative rate: cost).
        Interest = CashInterestView.Of(options.CashInterest, r.Interest, options.CashInterestFreeBalance),
        // What the positions received less what they paid in the dividends --dividends gave, and how many ex-dates it gave.
        Dividends = new { ExDates = options.Dividends.Values.Sum(d => d.Count), Total = r.Dividends },
        Sizing = SizingView(options.EffectiveSizing),
        // A configured bot's limits, or those on the whole book given on the command line (what denied its orders); a
        // --strategy run without them has none.
        Risk = options.Risk is { } risk ? new
        {
            risk.MaxPositionNotional,
            risk.MaxOrderNotional,
            risk.MaxDailyLoss,
            risk.MaxConsecutiveLosses,
            BreakerCooldownSeconds = risk.BreakerCooldown.TotalSeconds,
            risk.MaxGrossExposurePercent,
            MaxOpenPositions = risk.MaxOpenPositions > 0 ? risk.MaxOpenPositions : (int?)null,
            MaxOrdersPerDay = risk.MaxOrdersPerDay > 0 ? risk.MaxOrdersPerDay : (int?)null,
            MaxOrdersPerMinute = risk.MaxOrdersPerMinute > 0 ? risk.MaxOrdersPerMinute : (int?)null,
            risk.MaxPriceDeviationPercent,
            risk.MaxDrawdownPercent,
            risk.MaxDailyLossPercent,
            risk.MaxPositionLossPercent,
            risk.MaxGroupExposurePercent,
            MaxGroupExposurePercents = risk.MaxGroupExposurePercents.ByNameOrNull(),
            CooldownAfterLossSeconds = risk.CooldownAfterLoss?.TotalSeconds,
        } : null,
        TradingHours = HoursView(options),
        // The data quality stop on jumps (--max-jump, or a bot's dataQuality); null when none was asked.
        DataQuality = options.DataQuality is { MaxJumpPercent: { } jump } ? new { MaxJumpPercent = jump } : null,
        // The blackout days (--blackouts, or a bot's blackouts); null when none was given.
        Blackouts = options.Blackouts is { IsEmpty: false } blackouts
            ? blackouts.All.Select(b => new { b.Symbol, From = b.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                To = b.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), b.Reason, b.Exit }).ToList()
            : null,
        Instruments = options.Instruments.Values.OrderBy(i => i.Symbol, StringComparer.Ordinal).Select(i => new
        {
            i.Symbol,
            AssetClass = Camel(i.AssetClass.ToString()),
            i.Exchange,
            i.TickSize,
            i.SubDollarTickSize,
            i.LotSize,
            i.Multiplier,
            i.InitialMargin,
            i.Group,
        }),
        Sources = r.Sources,
        Notices = r.Notices.Select(n => new { n.Time, Severity = Camel(n.Severity.ToString()), n.Code, n.Message }),
        r.NoticeCounts,
        Metrics = new
        {
            r.TotalReturn,
            m.Cagr,
            m.Sharpe,
            m.Sortino,
            m.Volatility,
            m.MaxDrawdown,
            m.Calmar,
            m.Risk.ValueAtRisk,
            m.Risk.ExpectedShortfall,
            m.Risk.TailBars,
            m.Risk.Skewness,
            m.Risk.Kurtosis,
            m.Risk.UlcerIndex,
            m.Risk.UlcerPerformance,
            m.RollingSharpe,
            m.MaxDrawdownPeak,
            m.MaxDrawdownTrough,
            m.MaxDrawdownRecovery,
            m.LongestDrawdownStart,
            m.LongestDrawdownEnd,
            m.LongestDrawdownRecovered,
            LongestDrawdownSeconds = m.LongestDrawdown.TotalSeconds,
            m.Trades,
            m.OpenTrades,
            m.StoppedOut,
            m.TookProfit,
            m.TimedOut,
            m.LossLimited,
            m.BlackedOut,
            m.ScaledOut,
            m.ScaleOuts,
            m.WinRate,
            m.Exposure,
            m.Turnover,
            m.TradeStats.ProfitFactor,
            m.TradeStats.AverageWin,
            m.TradeStats.AverageLoss,
            m.TradeStats.LargestWin,
            m.TradeStats.LargestLoss,
            m.TradeStats.Expectancy,
            m.TradeStats.MaxConsecutiveWins,
            m.TradeStats.MaxConsecutiveLosses,
            m.TradeStats.AverageR,
            m.TradeStats.TradesWithRisk,
            m.TradeStats.Kelly,
            AverageHoldSeconds = m.TradeStats.AverageHold.TotalSeconds,
            m.BuyAndHoldReturn,
            m.BarsPerYear,
            m.MonteCarlo,
            m.Benchmark,
            BySymbol = m.BySymbol.Select(s => new { s.Symbol, s.Trades, s.OpenTrades, s.WinRate, Pnl = s.PnL, OpenPnl = s.OpenPnL, s.Contribution }),
            BySide = m.BySide.Select(s => new
            {
                Side = s.Side.ToString().ToLowerInvariant(),
                s.Trades,
                s.OpenTrades,
                s.WinRate,
                Pnl = s.PnL,
                OpenPnl = s.OpenPnL,
                s.Stats.ProfitFactor,
                s.Stats.Expectancy,
                s.Stats.AverageWin,
                s.Stats.AverageLoss,
                AverageHoldSeconds = s.Stats.AverageHold.TotalSeconds,
            }),
            m.StopAnalysis,
            ByEntryWeekday = m.ByEntryWeekday.Select(e => new
            {
                Weekday = ((DayOfWeek)e.Key).ToString().ToLowerInvariant(),
                e.Trades,
                e.WinRate,
                Pnl = e.PnL,
                e.AverageReturn,
            }),
            ByEntryHour = m.ByEntryHour.Select(e => new { Hour = e.Key, e.Trades, e.WinRate, Pnl = e.PnL, e.AverageReturn }),
            m.EntryTimeZone,
            r.Commission,
            r.Slippage,
            r.ImplementationShortfall,
            Fills = r.Buys + r.Sells,
            r.Buys,
            r.Sells,
            r.BarsProcessed,
            r.BarsSkipped,
        },
        MonthlyReturns = m.MonthlyReturns.Where(r => r.Month > 0).Select(r => new { r.Year, r.Month, r.Return }),
        YearlyReturns = m.MonthlyReturns.Where(r => r.Month == 0).Select(r => new { r.Year, r.Return }),
        Trades = m.TradeList.Select(t => new
        {
            t.Symbol,
            Side = t.Side.ToString().ToLowerInvariant(),
            t.EntryTime,
            t.EntryPrice,
            t.ExitTime,
            t.ExitPrice,
            t.Quantity,
            t.Financing,
            t.Dividends,
            Pnl = t.PnL, // "pnl", as the sources' "realizedPnl" and trades.csv write it, not the naming policy's "pnL"
            t.Return,
            t.IsOpen,
            t.StoppedOut,
            t.TookProfit,
            t.TimedOut,
            t.LossLimited,
            t.BlackedOut,
            t.ScaledOut,
            t.ScaleOuts,
            t.Mae,
            t.Mfe,
            t.Risk,
            t.R,
        }),
        Orders = r.Orders.Select(o => new
        {
            o.ClientOrderId,
            o.Symbol,
            Side = o.Side.ToString().ToLowerInvariant(),
            o.CreatedAt,
            o.CreatePrice,
            o.FilledAt,
            o.FillPrice,
            o.Quantity,
            FilledQuantity = o.Filled,
            o.Commission,
            o.Slippage,
            o.ImplementationShortfall,
            o.Source,
            o.Denied,
            o.DeniedDetail,
            o.Rejected,
            Type = o.Type.ToString().ToLowerInvariant(),
            o.Canceled,
            o.Tag,
        }),
    };

    private static object SizingView(SizingOptions s) => new
    {
        Mode = Camel(s.Mode.ToString()),
        Quantity = s.Mode == SizingMode.FixedQuantity ? s.Quantity : (decimal?)null,
        Notional = s.Mode == SizingMode.FixedNotional ? s.Notional : (decimal?)null,
        PercentOfEquity = s.Mode == SizingMode.PercentOfEquity ? s.PercentOfEquity : (decimal?)null,
        RiskPercent = s.Mode == SizingMode.RiskPercent ? s.RiskPercent : (decimal?)null,
        VolatilityPercent = s.Mode == SizingMode.Volatility ? s.VolatilityPercent : (decimal?)null,
        VolatilityPeriod = s.Mode == SizingMode.Volatility ? s.VolatilityPeriod : (int?)null,
        s.MaxPercentOfEquity,
        s.MaxPortfolioVolatilityPercent,
        s.PortfolioVolatilityTrimPercent,
        s.UseAdaptiveWeights,
    };

    /// <summary>What the run did about exchange hours: skipped bars, and the kernel's closed-market denials and flatten.</summary>
    private static object HoursView(BacktestOptions options)
    {
        var hours = options.TradingHours;
        var enforced = hours is { Enforce: true };
        return new
        {
            SkipBarsOutsideSessions = options.EnforceTradingHours,
            Enforce = enforced,
            FlattenAtClose = enforced && hours!.FlattenAtClose,
            Extended = hours?.Extended ?? false,
            SwingSources = hours?.SwingSources.Order(StringComparer.Ordinal).ToList() ?? [],
            NoEntriesAfterOpenMinutes = enforced ? hours!.NoEntriesAfterOpen.TotalMinutes : 0,
            NoEntriesBeforeCloseMinutes = enforced ? hours!.NoEntriesBeforeClose.TotalMinutes : 0,
        };
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
