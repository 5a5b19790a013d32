namespace Bulwark.Backtest.Reports;

/// <summary>
/// What a fixed stop would have done to the closed trades, read from their maximum adverse excursions (MAE): at each
/// level, the trades that went that far against their entry, how many of them were winners (a stop there would have cut
/// them), and their summed price return as they closed against the same trades stopped at the level. The levels are the
/// 25th, 50th, 75th and 90th percentiles of the trades' adverse excursions, rounded to two significant figures.
/// <para>Returns are of the price alone (exit over entry, the side's way), as the excursions are, with no commission or
/// carry. A stop is taken to fill at its level: a gap through it fills worse, and slippage adds to that. A trade the stop
/// would have closed is taken as gone; the strategy might have entered again. Excursions count whole bars (see
/// <see cref="TradeExcursions"/>). It says where losers ran deeper than winners ever went, not what a run with the stop
/// would have made: that is a backtest with <c>stopLossPercent</c>.</para>
/// </summary>
public static class StopAnalysis
{
    private static readonly int[] Percentiles = [25, 50, 75, 90];

    /// <summary>One row a level, ascending; none when no closed trade went against its entry.</summary>
    public static IReadOnlyList<StopLevel> Of(IReadOnlyList<Trade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var closed = trades.Where(t => !t.IsOpen && t.EntryPrice > 0m && t.ExitPrice is not null).ToList();
        var adverse = closed.Select(t => -t.Mae).Where(a => a > 0m).Order().ToArray();
        if (adverse.Length == 0) return [];
        var levels = Percentiles.Select(p => TwoFigures(adverse[Math.Max(0, (int)Math.Ceiling(p / 100d * adverse.Length) - 1)]))
            .Where(l => l > 0m).Distinct().Order();
        return [.. levels.Select(level =>
        {
            var reached = closed.Where(t => -t.Mae >= level).ToList();
            var returns = Math.Round(reached.Sum(PriceReturn), 8, MidpointRounding.AwayFromZero); // as the excursions are
            return new StopLevel(level, reached.Count, reached.Count(t => PriceReturn(t) > 0m), returns, -level * reached.Count);
        })];
    }

    /// <summary>The trade's price return, exit over entry for a long and the other way for a short.</summary>
    internal static decimal PriceReturn(Trade trade)
    {
        var move = (trade.ExitPrice!.Value - trade.EntryPrice) / trade.EntryPrice;
        return trade.Side == TradeSide.Long ? move : -move;
    }

    /// <summary><paramref name="value"/> (above 0) rounded to two significant figures: 0.01234 is 0.012.</summary>
    internal static decimal TwoFigures(decimal value)
    {
        var places = 1;
        for (var scaled = value; scaled < 1m && places < 20; scaled *= 10m) places++;
        for (var scaled = value; scaled >= 10m; scaled /= 10m) places--;
        return places >= 0 ? Math.Round(value, places, MidpointRounding.AwayFromZero)
            : Math.Round(value / Pow10(-places), MidpointRounding.AwayFromZero) * Pow10(-places);
    }

    private static decimal Pow10(int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++) result *= 10m;
        return result;
    }
}

/// <summary>One stop level of <see cref="StopAnalysis"/>.</summary>
/// <param name="Level">How far against the entry, as a fraction of its price (0.02 is 2%).</param>
/// <param name="Reached">Closed trades that went that far against their entry.</param>
/// <param name="WinnersReached">Those of them that closed at a gain anyway: the winners a stop there would have cut.</param>
/// <param name="ReturnSum">Their price returns summed, as they closed.</param>
/// <param name="StoppedReturnSum">The same trades stopped at the level: minus the level each.</param>
public sealed record StopLevel(decimal Level, int Reached, int WinnersReached, decimal ReturnSum, decimal StoppedReturnSum)
{
    /// <summary>What the stop would have added to the summed return (negative: it would have cost).</summary>
    public decimal Change => StoppedReturnSum - ReturnSum;
}
