using Bulwark.Core.MarketData;
using Bulwark.Core.Model;

namespace Bulwark.Host.MarketData;

/// <summary>
/// Bars from CSV files (one symbol per file), merged by time; bars with equal times come in file
/// order. Files are read lazily, a line at a time, when the bars are enumerated.
/// </summary>
public sealed class CsvBarFileFeed : IBarFeed
{
    private readonly CsvBarFileFeedOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist; the message names every missing path.</exception>
    public CsvBarFileFeed(CsvBarFileFeedOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = options.Validate();
        if (errors.Count > 0)
            throw new ArgumentException("Invalid CSV bar feed options: " + string.Join(" ", errors), nameof(options));
        _options = options with { Files = [.. options.Files] };
        _timeProvider = timeProvider;

        var missing = _options.Files.Where(f => !File.Exists(f.Path)).Select(f => f.Path).ToList();
        if (missing.Count > 0)
        {
            throw new FileNotFoundException(
                $"Bar data file{(missing.Count > 1 ? "s" : "")} not found: {string.Join(", ", missing.Select(Describe))}.", missing[0]);
        }
    }

    public CsvBarFileFeedOptions Options => _options;

    /// <summary>The files are read from their first bar at every start.</summary>
    public bool ReplaysHistory => true;

    /// <summary>All bars without pacing (for backtests). Each enumeration reads the files again.</summary>
    /// <exception cref="BarDataException">A file has a bad header or row (thrown when enumeration reaches it).</exception>
    public IEnumerable<Bar> Read() =>
        BarMerge.ByTime(_options.Files.Select(f => ReadFile(f.Path, f.EffectiveSymbol, new CsvBarReadOptions { Interval = _options.Interval, TimeZone = _options.TimeZone, Adjusted = _options.Adjusted })).ToList());

    /// <summary>The bars of <see cref="Read"/>, paced by <see cref="CsvBarFileFeedOptions.BarsPerSecond"/> on the injected clock.</summary>
    public IAsyncEnumerable<Bar> ReadAsync(CancellationToken cancellationToken) =>
        BarReplay.PaceAsync(Read(), _options.BarsPerSecond, _timeProvider, cancellationToken);

    /// <summary>Every bar, those <paramref name="isHistory"/> names at once and the others paced among themselves.</summary>
    public IAsyncEnumerable<Bar> ReadAsync(Func<Bar, bool> isHistory, CancellationToken cancellationToken) =>
        BarReplay.PaceAsync(Read(), _options.BarsPerSecond, _timeProvider, cancellationToken, isHistory);

    private static IEnumerable<Bar> ReadFile(string path, string symbol, CsvBarReadOptions options)
    {
        using var reader = Open(path);
        foreach (var bar in CsvBarReader.Read(reader, path, symbol, options)) yield return bar;
    }

    private static StreamReader Open(string path)
    {
        try
        {
            return new StreamReader(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"Bar data file not found: {Describe(path)}.", path, e);
        }
    }

    private static string Describe(string path) =>
        Path.IsPathFullyQualified(path) ? path : $"{path} (full path {Path.GetFullPath(path)})";
}
