using Bulwark.Backtest;
using Bulwark.Core.Calendar;
using Bulwark.Core.Model;

namespace Bulwark.Cli;

/// <summary>What `backtest` and `optimize` both read: bar files (symbol = file name), merged by time, and the account.</summary>
internal sealed record BacktestInputs(IReadOnlyList<string> Symbols, IReadOnlyList<Bar> Bars)
{
    /// <param name="files">Comma-separated CSV paths, as given to --data.</param>
    public static BacktestInputs Load(string files)
    {
        var paths = files.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var bars = paths.SelectMany(f => BarFiles.Read(f)).OrderBy(b => b.Time).ThenBy(b => b.Symbol, StringComparer.Ordinal).ToList();
        return new BacktestInputs([.. paths.Select(BarFiles.SymbolOf)], bars);
    }

    /// <exception cref="UsageException">Cash or size is not positive, or an --asset entry is malformed.</exception>
    public BacktestOptions Options(string exchange, decimal cash, decimal size, bool noCalendar, decimal commissionPerFill = 0m,
        IReadOnlyList<string>? assets = null)
    {
        if (cash <= 0m) throw new UsageException("--cash must be > 0");
        if (size <= 0m) throw new UsageException("--size must be > 0");
        var classes = AssetClasses(assets ?? []);
        return new BacktestOptions
        {
            Instruments = Symbols.ToDictionary(s => s, s => Instrument(s, classes.GetValueOrDefault(s, AssetClass.Equity), exchange),
                StringComparer.Ordinal),
            Cash = cash,
            Size = size,
            CommissionPerFill = commissionPerFill,
            EnforceTradingHours = !noCalendar,
        };
    }

    /// <summary>Crypto trades on its own 24/7 calendar; every other class on the exchange given.</summary>
    private static Instrument Instrument(string symbol, AssetClass assetClass, string exchange) =>
        new(symbol, assetClass, exchange: assetClass == AssetClass.Crypto ? ExchangeCalendars.Crypto : exchange);

    /// <summary>--asset SYMBOL=CLASS entries (repeatable); symbols not named are equities.</summary>
    private Dictionary<string, AssetClass> AssetClasses(IReadOnlyList<string> entries)
    {
        var classes = new Dictionary<string, AssetClass>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            var symbol = eq > 0 ? entry[..eq].Trim() : "";
            var name = eq > 0 ? entry[(eq + 1)..].Trim() : "";
            if (symbol.Length == 0 || name.Length == 0)
                throw new UsageException($"--asset '{entry}': expected SYMBOL=CLASS, e.g. BTC=crypto");
            if (!Symbols.Contains(symbol, StringComparer.Ordinal))
                throw new UsageException($"--asset '{entry}': no data file for symbol '{symbol}'; symbols: {string.Join(", ", Symbols)}");
            if (!Enum.TryParse<AssetClass>(name, ignoreCase: true, out var assetClass) || !Enum.IsDefined(assetClass) || int.TryParse(name, out _))
                throw new UsageException($"--asset '{entry}': unknown asset class '{name}'; known: {string.Join(", ", Enum.GetNames<AssetClass>().Select(n => n.ToLowerInvariant()))}");
            classes[symbol] = assetClass;
        }
        return classes;
    }
}
