using System.Text;
using Bulwark.Core.Execution;
using Bulwark.Core.MarketData;
using Bulwark.Core.Risk;

namespace Bulwark.Host.Configuration;

/// <summary>One bot: an account at a venue, the data it sees, what it trades and how.</summary>
public sealed record BotConfig
{
    /// <summary>Lowercase letters, digits and '-', at most 24 characters; used in ClientOrderIds and folder names.</summary>
    public string Id { get; init; } = "";

    public VenueConfig Venue { get; init; } = new();

    public FeedConfig Feed { get; init; } = new();

    public IReadOnlyList<InstrumentConfig> Instruments { get; init; } = [];

    public IReadOnlyList<StrategyConfig> Strategies { get; init; } = [];

    public SizingOptions Sizing { get; init; } = new();

    public RiskLimits Risk { get; init; } = new();

    public FillValidationOptions FillValidation { get; init; } = new();

    public RouterConfig Router { get; init; } = new();

    public TradingHoursConfig TradingHours { get; init; } = new();
    public DataQualityOptions DataQuality { get; init; } = new();

    /// <summary>Trading days of no new exposure, and of none held for rows that exit (<c>blackouts</c>, a CSV file); null: none.</summary>
    public BlackoutsConfig? Blackouts { get; init; }

    /// <summary>The share of its size each strategy trades, by source (<see cref="StrategyConfig.AllocationPercent"/>); strategies trading all of it are left out.</summary>
    public IReadOnlyDictionary<string, decimal> AllocationPercents() =>
        Strategies.Where(s => s.AllocationPercent is not null).ToDictionary(s => s.Source, s => s.AllocationPercent!.Value, StringComparer.Ordinal);

    /// <summary>The bot's instruments by symbol, as the kernel and the venue take them.</summary>
    public IReadOnlyDictionary<string, Bulwark.Core.Model.Instrument> InstrumentMap() =>
        Instruments.Select(i => i.ToInstrument()).ToDictionary(i => i.Symbol, StringComparer.Ordinal);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Id = {Id}, Venue = {Venue}, Feed = {Feed}, ");
        builder.AppendList(nameof(Instruments), Instruments).Append(", ");
        builder.AppendList(nameof(Strategies), Strategies).Append(", ");
        builder.Append($"Sizing = {Sizing}, Risk = {Risk}, FillValidation = {FillValidation}, Router = {Router}, TradingHours = {TradingHours}, DataQuality = {DataQuality}, Blackouts = {Blackouts?.File ?? "none"}");
        return true;
    }
}
