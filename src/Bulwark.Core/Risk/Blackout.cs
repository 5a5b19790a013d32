using System.Globalization;

namespace Bulwark.Core.Risk;

/// <summary>
/// Trading days on which a symbol (or every symbol, <see cref="Blackouts.AllSymbols"/>) takes no new exposure: an earnings
/// report, a central bank's decision, an index rebalance. <see cref="From"/> and <see cref="To"/> are inclusive dates of the
/// bot's trading day. With <see cref="Exit"/> the position is closed at its symbol's first bar of the blackout too.
/// </summary>
public sealed record Blackout(string Symbol, DateOnly From, DateOnly To, string Reason, bool Exit)
{
    /// <summary>"AAPL blackout 2024-05-02..2024-05-03 (earnings)"; a row for every symbol names <paramref name="symbol"/> and says so.</summary>
    public string Describe(string symbol)
    {
        var why = Reason.Length > 0 ? Reason : "";
        if (Symbol == Blackouts.AllSymbols) why = why.Length > 0 ? $"{why}, every symbol" : "every symbol";
        var dates = To != From
            ? string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}")
            : From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return why.Length > 0 ? $"{symbol} blackout {dates} ({why})" : $"{symbol} blackout {dates}";
    }
}
