using System.Globalization;
using Bulwark.Backtest;
using Bulwark.Core.Calendar;
using Bulwark.Core.MarketData;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;

namespace Bulwark.Cli;

/// <summary>What `backtest` and `optimize` both read: bar files (symbol = file name), merged by time, and the account.</summary>
internal sealed record BacktestInputs(IReadOnlyList<string> Symbols, IReadOnlyList<Bar> Bars)
{
    /// <summary>The files read, in the order given, whole (before any --from/--to window).</summary>
    public IReadOnlyList<DataFileInfo> Files { get; init; } = [];

    /// <summary>With --warm-up, the bars before the window, which warm the strategies up without trading; else none.</summary>
    public IReadOnlyList<Bar> WarmUp { get; init; } = [];

    /// <summary>How the files were read (zone, adjustment).</summary>
    public CsvBarReadOptions ReadAs { get; init; } = CsvBarReadOptions.Default;

    /// <summary>
    /// Each symbol's finest price step in its file (<see cref="PriceStep"/>): the tick a research run gives a currency
    /// pair or a coin when --tick-size does not say, never coarser than a cent.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> PriceSteps { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>
    /// The tick a research run gives a symbol whose tick nobody set. A currency pair or a coin (by asset class or by the
    /// FX or CRYPTO calendar) quotes in steps finer than a cent, which its data shows: its data's step, at most a cent.
    /// Anything else trades in cents, as US shares do, whatever places its file has (an adjusted close's 182.910004 is
    /// arithmetic, not a price anyone could trade at).
    /// </summary>
    public decimal DefaultTick(string symbol, AssetClass assetClass, string exchange) =>
        assetClass is AssetClass.Fx or AssetClass.Crypto || exchange is ExchangeCalendars.Fx or ExchangeCalendars.Crypto
            ? Math.Min(Core.Model.Instrument.DefaultTickSize, PriceSteps.GetValueOrDefault(symbol, Core.Model.Instrument.DefaultTickSize))
            : Core.Model.Instrument.DefaultTickSize;

    /// <summary>The part of the data the run uses (<see cref="Within"/>); all of it by default.</summary>
    public BarWindow Window { get; init; } = BarWindow.All;

    /// <param name="paths">The CSV files, as --data named them (see <see cref="DataPaths"/>).</param>
    /// <param name="options">How the files are read (--data-time-zone, --adjusted); null: as written.</param>
    /// <remarks>
    /// The reader checks that each file's rows go strictly forward in time, so the files are merged as they are, not
    /// sorted: by time, and at equal times by symbol (then in the order given). One file is used as read, uncopied.
    /// </remarks>
    /// <exception cref="UsageException">
    /// No file is named, two files have one name (the symbol), a file is missing or bad (file and line named), or one
    /// holds no bars.
    /// </exception>
    public static BacktestInputs Load(IReadOnlyList<string> paths, CsvBarReadOptions? options = null)
    {
        if (paths.Count == 0) throw new UsageException("--data: no file given");
        var bySymbol = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
            if (!bySymbol.TryAdd(BarFiles.SymbolOf(path), path))
                throw new UsageException($"--data: '{bySymbol[BarFiles.SymbolOf(path)]}' and '{path}' are both symbol '{BarFiles.SymbolOf(path)}' " +
                    "(a file's name is its symbol); give each symbol once");
        return Load([.. paths.Select(p => (p, BarFiles.SymbolOf(p)))], options);
    }

    /// <summary>Files with the symbol each holds (a csv feed's configured files), read and merged as <see cref="Load(IReadOnlyList{string}, CsvBarReadOptions?)"/> does.</summary>
    /// <exception cref="UsageException">A file is missing or bad (file and line named), or one holds no bars.</exception>
    public static BacktestInputs Load(IReadOnlyList<(string Path, string Symbol)> files, CsvBarReadOptions? options = null)
    {
        var read = files.Select(f => (f.Path, f.Symbol, Bars: BarFiles.Read(f.Path, f.Symbol, options))).ToList();
        if (read.FirstOrDefault(f => f.Bars.Count == 0) is { Path: { } empty })
            throw new UsageException($"--data '{empty}': no bars (a header and no rows)");
        IReadOnlyList<Bar> bars = read.Count == 1 ? read[0].Bars
            : [.. BarMerge.ByTime([.. read.OrderBy(f => f.Symbol, StringComparer.Ordinal).Select(f => f.Bars)])]; // stable: equal symbols keep the order given
        return new BacktestInputs([.. read.Select(f => f.Symbol)], bars)
        {
            Files = [.. read.Select(f => DataFileInfo.Of(f.Path, f.Symbol, f.Bars))],
            ReadAs = options ?? CsvBarReadOptions.Default,
            PriceSteps = read.ToDictionary(f => f.Symbol, f => PriceStep.Of(f.Bars), StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The bars in <paramref name="window"/> (the same inputs when it is all of them); with <paramref name="warmUp"/>, the
    /// bars before it become <see cref="WarmUp"/>.
    /// </summary>
    /// <exception cref="UsageException">No bar is in the window; the message gives the data's span.</exception>
    public BacktestInputs Within(BarWindow window, bool warmUp = false)
    {
        if (window.IsAll || Bars.Count == 0) return this;
        var kept = Bars.Where(window.Contains).ToList();
        if (kept.Count == 0)
            throw new UsageException($"--from/--to: no bars from {window.Text}; the data runs from {BarTimeText.Of(Bars[0].Time)} to {BarTimeText.Of(Bars[^1].Time)}");
        return this with { Bars = kept, Window = window, WarmUp = warmUp && window.From is { } from ? [.. Bars.TakeWhile(b => b.Time < from)] : [] };
    }

    /// <summary>Backtest options for these symbols: each an instrument of <paramref name="exchange"/> (crypto: its own
    /// 24/7 calendar) with the account's multiplier, margin and tick (else <see cref="DefaultTick"/>), of the
    /// asset class --asset gave it (default equity).</summary>
    /// <exception cref="UsageException">An --asset entry is malformed.</exception>
    /// <param name="groups">--group entries, NAME=SYMBOL[,SYMBOL...]: the instruments' groups for --max-group-exposure.</param>
    /// <exception cref="UsageException">A --group entry is malformed, names a symbol without data or one already grouped, or --max-group-exposure has no group.</exception>
    public BacktestOptions Options(string exchange, AccountSettings account, bool noCalendar, IReadOnlyList<string>? assets = null,
        IReadOnlyList<string>? groups = null)
    {
        DividendFile.RequireUnadjusted(ReadAs.Adjusted, account.Dividends);
        CashRateFile.RequireCovers(account.CashInterest, Bars);
        var classes = AssetClasses(assets ?? []);
        var groupOf = Groups(groups ?? []);
        GroupLimitOption.RequireGroups(account, groupOf.Values, "--group NAME=SYMBOL[,SYMBOL...]");
        var instruments = Symbols.ToDictionary(s => s, s => Instrument(s, classes.GetValueOrDefault(s, AssetClass.Equity), exchange, account)
            with { Group = groupOf.GetValueOrDefault(s) }, StringComparer.Ordinal);
        var options = account.BacktestOptions(instruments) with { EnforceTradingHours = !noCalendar, WarmUpBars = WarmUp };
        CheckSizeFitsLots(options.EffectiveSizing, instruments.Values);
        return options;
    }

    /// <summary>A crypto coin's smallest step: research runs trade it in fractions (0.25 BTC), as its exchanges do.</summary>
    public const decimal CryptoLotSize = 0.00000001m;

    /// <summary>
    /// Crypto trades on its own 24/7 calendar in fractions of a coin, a currency pair (fx) on the FX calendar; every other
    /// class on the exchange given; all but crypto in whole units, unless --lot-size says otherwise. The tick is
    /// --tick-size's at every price, else <see cref="DefaultTick"/>, and for a US share also hundredths of a cent under a
    /// dollar, as it quotes there.
    /// </summary>
    private Instrument Instrument(string symbol, AssetClass assetClass, string exchange, AccountSettings account)
    {
        var calendar = assetClass is AssetClass.Crypto or AssetClass.Fx ? Core.Model.Instrument.DefaultExchange(assetClass) : exchange;
        var tick = account.TickSize ?? DefaultTick(symbol, assetClass, exchange);
        return new(symbol, assetClass, tick,
            lotSize: account.LotSize ?? (assetClass == AssetClass.Crypto ? CryptoLotSize : 1m), multiplier: account.Multiplier,
            exchange: calendar, initialMargin: account.Margin,
            // A tick given on the command line holds at every price.
            subDollarTickSize: account.TickSize is null ? Core.Model.Instrument.SubDollarTickFor(assetClass, calendar, tick) : null);
    }

    /// <summary>
    /// --size must be whole lots of every instrument: the sizer rounds each entry down to the lot, so 0.5 shares would be
    /// none on every signal (each denied as sized to zero) and 1.5 would be 1.
    /// </summary>
    /// <exception cref="UsageException">The fixed quantity is not a multiple of an instrument's lot size.</exception>
    /// <param name="configured">The instruments are a bot's, from its configuration (their lot sizes are set there).</param>
    public static void CheckSizeFitsLots(SizingOptions sizing, IEnumerable<Instrument> instruments, bool configured = false)
    {
        if (sizing.Mode != SizingMode.FixedQuantity) return;
        foreach (var instrument in instruments)
        {
            var rounded = new Quantity(sizing.Quantity).RoundDownToLot(instrument.LotSize).Value; // what the sizer would make of it
            if (rounded == sizing.Quantity) continue;
            var fractions = configured ? $", or set {instrument.Symbol}'s lotSize in the configuration (bots[].instruments[].lotSize)"
                : instrument.AssetClass == AssetClass.Crypto ? ""
                : instrument.AssetClass == AssetClass.Fx ? ", or give --lot-size the step the pair trades in"
                : $", or --asset {instrument.Symbol}=crypto for a coin traded in fractions";
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--size {sizing.Quantity}: {instrument.Symbol} trades in whole lots of {instrument.LotSize} ({instrument.AssetClass.ToString().ToLowerInvariant()}), so every entry would be {rounded}; give whole lots{fractions}"));
        }
    }

    /// <summary>--asset SYMBOL=CLASS entries (repeatable); symbols not named are equities.</summary>
    /// <summary>Each grouped symbol's group, from --group NAME=SYMBOL[,SYMBOL...] entries.</summary>
    private Dictionary<string, string> Groups(IReadOnlyList<string> entries)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? entry[..eq].Trim() : "";
            var symbols = eq > 0 ? entry[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
            if (name.Length == 0 || symbols.Length == 0)
                throw new UsageException($"--group '{entry}': expected NAME=SYMBOL[,SYMBOL...], e.g. tech=AAPL,MSFT");
            foreach (var symbol in symbols)
            {
                if (!Symbols.Contains(symbol, StringComparer.Ordinal))
                    throw new UsageException($"--group '{entry}': no data file for symbol '{symbol}'; symbols: {string.Join(", ", Symbols)}");
                if (!groups.TryAdd(symbol, name))
                    throw new UsageException($"--group '{entry}': {symbol} is already in group {groups[symbol]}; a symbol is in one group");
            }
        }
        return groups;
    }

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
