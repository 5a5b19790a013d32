using System.Globalization;
using System.Text;

namespace Bulwark.Host.Configuration;

/// <summary>The account a bot trades in. <see cref="ToString"/> never prints secrets.</summary>
public sealed record VenueConfig
{
    public const string Paper = "paper";

    /// <summary>Venue types the loader accepts.</summary>
    public static IReadOnlyList<string> SupportedTypes { get; } = [Paper];

    /// <summary>Lowercase venue type; only <see cref="Paper"/> today.</summary>
    public string Type { get; init; } = Paper;

    /// <summary>
    /// The account's currency: its cash, PnL and every instrument's prices are in it (an instrument's currency defaults
    /// to it and must be it, since an account converts none).
    /// </summary>
    public string Currency { get; init; } = Core.Model.Money.DefaultCurrency;

    /// <summary>Starting cash of a simulated account.</summary>
    public decimal InitialCash { get; init; } = 100_000m;

    public CommissionConfig Commission { get; init; } = new();

    /// <summary>Simulated slippage against the reference price, in basis points.</summary>
    public decimal SlippageBps { get; init; } = 5m;

    /// <summary>Market impact in percent of the price at a fill of a whole bar's volume, by the square root of the share filled (see <see cref="Venues.Paper.PaperVenueOptions.ImpactPercent"/>); 0 is none.</summary>
    public decimal ImpactPercent { get; init; }

    /// <summary>Largest fraction (0, 1] of a bar's volume one order may fill.</summary>
    public decimal MaxVolumeParticipation { get; init; } = 1m;

    /// <summary>Whether sells may exceed the position held; false is a cash account, which rejects such sells.</summary>
    public bool AllowShort { get; init; } = true;

    /// <summary>When a paper bar fills a resting limit order: when it touches the limit, or only when it trades through it.</summary>
    public Venues.Paper.PaperLimitFill LimitFill { get; init; } = Venues.Paper.PaperLimitFill.Touch;

    /// <summary>What the paper venue charges (or pays) for positions held overnight.</summary>
    public FinancingConfig Financing { get; init; } = new();

    /// <summary>
    /// The cash dividends the paper venue pays positions held into an ex-date (<c>venue.dividends</c>, a CSV file); null
    /// for none. For a feed of prices that do not already hold them: a replayed history, or a broker's unadjusted prices.
    /// </summary>
    public DividendsConfig? Dividends { get; init; }

    /// <summary>Secret: only settable from the environment (<c>BULWARK__Bots__N__Venue__ApiKey</c>).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Secret: only settable from the environment (<c>BULWARK__Bots__N__Venue__ApiSecret</c>).</summary>
    public string? ApiSecret { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture,
            $"Type = {Type}, Currency = {Currency}, InitialCash = {InitialCash}, Commission = {Commission}, SlippageBps = {SlippageBps}, ImpactPercent = {ImpactPercent}, ");
        builder.Append(CultureInfo.InvariantCulture,
            $"MaxVolumeParticipation = {MaxVolumeParticipation}, AllowShort = {AllowShort}, LimitFill = {LimitFill}, Financing = {Financing}, Dividends = {Dividends?.File ?? "none"}, ApiKey = {SecretKeys.Redact(ApiKey)}, ApiSecret = {SecretKeys.Redact(ApiSecret)}");
        return true;
    }
}
