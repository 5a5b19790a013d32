using System.Globalization;

namespace Bulwark.Backtest.Reports;

/// <summary>
/// A run as CSV tables for a spreadsheet or a notebook: the account after every bar (equity.csv), the round trips
/// (trades.csv), every order with its outcome (orders.csv), the monthly returns (monthly.csv) and the notices
/// (notices.csv: breaker trips, halts, strategies' notes). Times are ISO UTC, numbers invariant, fields quoted when
/// they hold a comma, a quote or a line break. Money and prices are written exactly; fractions (returns, drawdowns) to
/// 8 places, as the JSON has them.
/// </summary>
public static class CsvExport
{
    public const string EquityFile = "equity.csv";
    public const string TradesFile = "trades.csv";
    public const string OrdersFile = "orders.csv";
    public const string MonthlyFile = "monthly.csv";
    public const string NoticesFile = "notices.csv";

    /// <summary>
    /// time,equity,cash,drawdown: drawdown is the fall from the running peak, as a fraction of it. With a benchmark, a
    /// last column, benchmark: its value at each point, scaled to the starting cash (<see cref="BenchmarkResult.Values"/>).
    /// </summary>
    public static void WriteEquity(TextWriter writer, IReadOnlyList<EquityPoint> curve, BenchmarkResult? benchmark = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(curve);
        writer.Write(benchmark is null ? "time,equity,cash,drawdown\n" : "time,equity,cash,drawdown,benchmark\n");
        var depths = DrawdownSeries.Of(curve).Depths;
        for (var i = 0; i < curve.Count; i++)
        {
            writer.Write(Invariant($"{Time(curve[i].Time)},{curve[i].Equity},{curve[i].Cash},{Fraction(depths[i])}"));
            writer.Write(benchmark is null ? "\n" : Invariant($",{Math.Round(benchmark.Values[i].Value, 8)}\n"));
        }
    }

    /// <summary>
    /// One row a round trip. <c>pnl</c> and <c>return</c> are net of commissions and of <c>financing</c>, what the position
    /// paid (negative) or earned while held, and of <c>dividends</c>, what it received (a long) or paid (a short); those
    /// columns come after the first ones so a sheet reading the earlier ones by place still reads them, as do the later
    /// ones (<c>scaled_out</c>: a take-profit sold part of the trade before it closed; <c>scale_outs</c>: how many did,
    /// the steps of a ladder; the last two, <c>loss_limit</c> and <c>blackout</c>: the loss limit per position or a
    /// blackout closed it).
    /// </summary>
    public static void WriteTrades(TextWriter writer, IReadOnlyList<Trade> trades)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(trades);
        writer.Write("symbol,side,entry_time,entry_price,exit_time,exit_price,quantity,pnl,return,open,financing,stopped_out,took_profit,dividends,timed_out,mae,mfe,risk,r,scaled_out,scale_outs,loss_limit,blackout\n");
        foreach (var t in trades)
            writer.Write(Invariant($"{Field(t.Symbol)},{(t.Side == TradeSide.Long ? "long" : "short")},{Time(t.EntryTime)},{t.EntryPrice},{Time(t.ExitTime)},{t.ExitPrice},{t.Quantity},{t.PnL},{Fraction(t.Return)},{(t.IsOpen ? "true" : "false")},{t.Financing},{(t.StoppedOut ? "true" : "false")},{(t.TookProfit ? "true" : "false")},{t.Dividends},{(t.TimedOut ? "true" : "false")},{Fraction(t.Mae)},{Fraction(t.Mfe)},{t.Risk},{(t.R is { } r ? Fraction(r) : "")},{(t.ScaledOut ? "true" : "false")},{t.ScaleOuts},{(t.LossLimited ? "true" : "false")},{(t.BlackedOut ? "true" : "false")}\n"));
    }

    public static void WriteOrders(TextWriter writer, IReadOnlyList<BacktestOrder> orders)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(orders);
        writer.Write("client_order_id,source,symbol,side,quantity,created_at,create_price,filled_at,fill_price,commission,denied,denied_detail,rejected,type,canceled,tag,filled_quantity,slippage,implementation_shortfall\n");
        foreach (var o in orders)
            writer.Write(Invariant($"{Field(o.ClientOrderId)},{Field(o.Source)},{Field(o.Symbol)},{o.Side.ToString().ToLowerInvariant()},{o.Quantity},{Time(o.CreatedAt)},{o.CreatePrice},{Time(o.FilledAt)},{o.FillPrice},{o.Commission},{o.Denied},{Field(o.DeniedDetail)},{Field(o.Rejected)},{o.Type.ToString().ToLowerInvariant()},{(o.Canceled ? "true" : "false")},{Field(o.Tag)},{o.Filled},{o.Slippage},{o.ImplementationShortfall}\n"));
    }

    /// <summary>year,jan,...,dec,total: a year a row, returns as fractions (0.01 = 1%), blank for a month without a bar.</summary>
    public static void WriteMonthly(TextWriter writer, IReadOnlyList<MonthlyReturn> returns)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(returns);
        writer.Write("year,jan,feb,mar,apr,may,jun,jul,aug,sep,oct,nov,dec,total\n");
        foreach (var (year, cells) in MonthlyReturn.ByYear(returns))
        {
            writer.Write(Invariant($"{year}"));
            foreach (var cell in cells) writer.Write(cell is { } c ? "," + Fraction(c) : ",");
            writer.Write('\n');
        }
    }

    /// <summary>time,severity,code,message: the kept notices (see <see cref="BacktestResult.NoticeCounts"/> for them all).</summary>
    public static void WriteNotices(TextWriter writer, IReadOnlyList<BacktestNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(notices);
        writer.Write("time,severity,code,message\n");
        foreach (var n in notices)
            writer.Write(Invariant($"{Time(n.Time)},{n.Severity.ToString().ToLowerInvariant()},{Field(n.Code)},{Field(n.Message)}\n"));
    }

    private static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) : "";

    /// <summary>A fraction to 8 places with no trailing zeros: 0.25, -0.0159606.</summary>
    private static string Fraction(decimal value) => Math.Round(value, 8).ToString("0.########", CultureInfo.InvariantCulture);

    private static string Field(string? text) =>
        text is null ? "" : text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
