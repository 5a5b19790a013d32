using Bulwark.Core.Calendar;

namespace Bulwark.Host.Configuration;

/// <summary>A bot's <c>tradingHours</c> section; swing sources come from the strategies marked <c>swing: true</c>.</summary>
public sealed record TradingHoursConfig
{
    public bool Enforce { get; init; } = true;
    public bool Extended { get; init; }
    public bool FlattenAtClose { get; init; } = true;
    public TimeSpan FlattenBeforeClose { get; init; } = TimeSpan.FromMinutes(5);
    public bool FlattenBeforeWeekend { get; init; }
    public TimeSpan NoEntriesAfterOpen { get; init; }
    public TimeSpan NoEntriesBeforeClose { get; init; }

    public TradingHoursOptions ToOptions(IEnumerable<StrategyConfig> strategies) => new()
    {
        Enforce = Enforce,
        Extended = Extended,
        FlattenAtClose = FlattenAtClose,
        FlattenBeforeClose = FlattenBeforeClose,
        FlattenBeforeWeekend = FlattenBeforeWeekend,
        NoEntriesAfterOpen = NoEntriesAfterOpen,
        NoEntriesBeforeClose = NoEntriesBeforeClose,
        SwingSources = strategies.Where(s => s.Swing).Select(s => s.Source).ToHashSet(StringComparer.Ordinal),
    };
}
