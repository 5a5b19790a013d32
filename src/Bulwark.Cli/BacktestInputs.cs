using Bulwark.Backtest;
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

    /// <exception cref="UsageException">Cash or size is not positive.</exception>
    public BacktestOptions Options(string exchange, decimal cash, decimal size, bool noCalendar, decimal commissionPerFill = 0m)
    {
        if (cash <= 0m) throw new UsageException("--cash must be > 0");
        if (size <= 0m) throw new UsageException("--size must be > 0");
        return new BacktestOptions
        {
            Instruments = Symbols.ToDictionary(s => s, s => new Instrument(s, AssetClass.Equity, exchange: exchange), StringComparer.Ordinal),
            Cash = cash,
            Size = size,
            CommissionPerFill = commissionPerFill,
            EnforceTradingHours = !noCalendar,
        };
    }
}
