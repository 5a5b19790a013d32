using System.Globalization;
using Bulwark.Core.Risk;

namespace Bulwark.Host.Operations;

/// <summary>One blackout as `status` shows it: its row, and whether today (the bot's trading day) is in it.</summary>
public sealed record BlackoutStatus(string Symbol, string From, string To, string Reason, bool Exit, bool Active)
{
    /// <summary>How far ahead `status` looks for blackouts to come.</summary>
    public const int DaysAhead = 7;

    /// <summary>The blackouts in force on <paramref name="today"/> or beginning within <see cref="DaysAhead"/> days of it.</summary>
    public static IReadOnlyList<BlackoutStatus> Of(Blackouts blackouts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(blackouts);
        return [.. blackouts.All.Where(b => b.To >= today && b.From <= today.AddDays(DaysAhead)).Select(b => new BlackoutStatus(b.Symbol,
            b.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), b.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            b.Reason, b.Exit, b.From <= today))];
    }
}
