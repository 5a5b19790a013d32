namespace Bulwark.Venues.Paper;

/// <summary>
/// A cash dividend of <see cref="PerShare"/> (per unit of quantity, times the contract multiplier) with its ex-date: a
/// position held at the close before <see cref="ExDate"/> is entitled to it.
/// </summary>
public sealed record Dividend(DateOnly ExDate, decimal PerShare)
{
    /// <summary>The ex-date's start in UTC: the first bar at or after it pays the dividend.</summary>
    public DateTimeOffset ExStart => new(ExDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
