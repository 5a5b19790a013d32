using Bulwark.Core.Model;
using Bulwark.Core.Venues;
using Bulwark.Host.Configuration;
using Bulwark.Venues.Paper;

namespace Bulwark.Host.Running;

public static class VenueFactory
{
    public static async Task<IVenue> OpenAsync(VenueConfig config, BotPaths paths,
        IReadOnlyDictionary<string, Instrument> instruments, TimeProvider time, CancellationToken cancellationToken)
    {
        if (config.Type != VenueConfig.Paper)
            throw new InvalidOperationException($"Venue type '{config.Type}' is not supported; supported: {string.Join(", ", VenueConfig.SupportedTypes)}.");
        var options = new PaperVenueOptions
        {
            InitialCash = config.InitialCash,
            PerShare = config.Commission.PerShare,
            PercentOfNotional = config.Commission.PercentOfNotional,
            PerFill = config.Commission.PerFill,
            MinimumPerFill = config.Commission.MinimumPerFill,
            MaximumPercentOfNotional = config.Commission.MaximumPercentOfNotional,
            SlippageBps = config.SlippageBps,
            ImpactPercent = config.ImpactPercent,
            MaxVolumeParticipation = config.MaxVolumeParticipation,
            AllowShort = config.AllowShort,
            LimitFill = config.LimitFill,
            FinancingLongPercent = config.Financing.LongPercent,
            FinancingShortPercent = config.Financing.ShortPercent,
            FinancingBySymbol = config.Financing.Symbols,
            CashInterest = CashRates.Fixed(config.Financing.CashPercent),
            CashInterestFreeBalance = config.Financing.CashFreeBalance,
            Dividends = config.Dividends?.BySymbol ?? PaperVenueOptions.NoDividends,
        };
        Directory.CreateDirectory(paths.Directory);
        return await PaperVenue.OpenAsync(paths.PaperVenue, options, instruments, time, cancellationToken).ConfigureAwait(false);
    }
}
