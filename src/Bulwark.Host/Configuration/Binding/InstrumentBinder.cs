using System.Text.RegularExpressions;
using Bulwark.Core.Model;

namespace Bulwark.Host.Configuration.Binding;

/// <summary>Binds one entry of a bot's <c>instruments</c>.</summary>
internal static partial class InstrumentBinder
{
    /// <param name="accountCurrency">The bot's account currency (venue.currency): an instrument's when it names none.</param>
    public static InstrumentConfig Bind(MappingReader instrument, string accountCurrency)
    {
        var defaults = new InstrumentConfig();
        var exchange = instrument.Value("exchange", defaults.Exchange, ValueKinds.Text, CheckExchange);
        var assetClass = instrument.Value("assetClass", defaults.AssetClass, ValueKinds.Enum<AssetClass>());
        return new InstrumentConfig
        {
            Symbol = instrument.Required("symbol", "", ValueKinds.Text, Rules.NotBlank),
            AssetClass = assetClass,
            TickSize = instrument.Value("tickSize", InstrumentConfig.DefaultTick(assetClass, exchange), ValueKinds.Decimal, Rules.Positive),
            LotSize = instrument.Value("lotSize", defaults.LotSize, ValueKinds.Decimal, Rules.Positive),
            Currency = instrument.Value("currency", accountCurrency, ValueKinds.Text, CheckCurrency),
            Multiplier = instrument.Value("multiplier", defaults.Multiplier, ValueKinds.Decimal, Rules.Positive),
            Exchange = exchange,
            InitialMargin = instrument.Value("initialMargin", defaults.InitialMargin, ValueKinds.Decimal, Rules.NonNegative),
            MaxPosition = instrument.Has("maxPosition") ? instrument.Value("maxPosition", 1m, ValueKinds.Decimal, Rules.Positive) : null,
            Group = instrument.Has("group") ? instrument.Value("group", "", ValueKinds.Text, Rules.NotBlank).Trim() : null,
        };
    }

    private static string? CheckExchange(string code) =>
        Bulwark.Core.Calendar.ExchangeCalendars.TryGet(code, out _)
            ? null
            : $"unknown exchange '{code}'; known: {string.Join(", ", Bulwark.Core.Calendar.ExchangeCalendars.Codes)}";

    internal static string? CheckCurrency(string code) =>
        CurrencyPattern().IsMatch(code) ? null : "must be a currency code of 3 to 5 capital letters, like USD";

    [GeneratedRegex(@"^[A-Z]{3,5}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();
}
