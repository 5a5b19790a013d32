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

    /// <summary>Backtest options for these symbols: each an instrument of <paramref name="exchange"/> with the account's
    /// multiplier and margin.</summary>
    public BacktestOptions Options(string exchange, AccountSettings account, bool noCalendar) => new()
    {
        Instruments = Symbols.ToDictionary(s => s, s => new Instrument(s, AssetClass.Equity, multiplier: account.Multiplier,
            exchange: exchange, initialMargin: account.Margin), StringComparer.Ordinal),
        Cash = account.Cash,
        Size = account.Size,
        CommissionPerFill = account.CommissionPerFill,
        Fill = account.Fill,
        EnforceTradingHours = !noCalendar,
    };
}
