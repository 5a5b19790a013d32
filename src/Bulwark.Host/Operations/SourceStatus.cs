using Bulwark.Core.Feedback;

namespace Bulwark.Host.Operations;

/// <summary>
/// What `bulwark status` reports for one signal source of a bot: its signals, the ones denied by reason and the last
/// denial with its detail (why a bot is not trading), its orders and fills, and the round trips behind its sizing weight.
/// </summary>
public sealed record SourceStatus(
    string Source,
    long Signals,
    long Denied,
    IReadOnlyDictionary<string, long> DeniedByReason,
    SourceDenial? LastDenied,
    long Orders,
    long Fills,
    long RoundTrips,
    long Wins,
    decimal RealizedPnl,
    decimal Weight)
{
    /// <summary>What the source's fills paid in commission (see <see cref="SourceStats.Commission"/>).</summary>
    public decimal Commission { get; init; }

    /// <summary>What slippage and impact cost the source's fills (see <see cref="SourceStats.Slippage"/>).</summary>
    public decimal Slippage { get; init; }

    /// <summary>What its market and stop orders' fills cost against their decision prices (see <see cref="SourceStats.ImplementationShortfall"/>).</summary>
    public decimal ImplementationShortfall { get; init; }

    /// <summary>Its orders the risk checks denied after the signal passed (see <see cref="SourceStats.OrdersDenied"/>).</summary>
    public long OrdersDenied { get; init; }

    /// <summary><see cref="OrdersDenied"/> by reason.</summary>
    public IReadOnlyDictionary<string, long> OrdersDeniedByReason { get; init; } = new Dictionary<string, long>();

    /// <summary>The share of its size the source trades, in percent (<c>strategies[].allocationPercent</c>, from the configuration); null: all of it.</summary>
    public decimal? AllocationPercent { get; init; }

    public static SourceStatus Of(string source, SourceStats s) => new(source, s.Signals, s.Denied,
        s.DeniedByReason.ToDictionary(d => d.Key.ToString(), d => d.Value, StringComparer.Ordinal), s.LastDenied,
        s.Orders, s.Fills, s.RoundTrips, s.Wins, s.RealizedPnl, s.Weight)
    {
        Commission = s.Commission,
        Slippage = s.Slippage,
        ImplementationShortfall = s.ImplementationShortfall,
        OrdersDenied = s.OrdersDenied,
        OrdersDeniedByReason = s.OrdersDeniedByReason.ToDictionary(d => d.Key.ToString(), d => d.Value, StringComparer.Ordinal),
    };
}
