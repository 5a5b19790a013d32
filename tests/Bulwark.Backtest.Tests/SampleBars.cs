using Bulwark.Core.MarketData;
using Bulwark.Core.Model;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Backtest.Tests;

/// <summary>The shared 2006 daily sample (../shared/data/2006-day-001.txt) as bars of one symbol.</summary>
internal static class SampleBars
{
    /// <summary>The sample's symbol as an equity instrument.</summary>
    public static Instrument Instrument { get; } = new("SAMPLE", AssetClass.Equity);

    /// <summary>
    /// A research run on <see cref="Instrument"/> with the default 10,000 of cash and no exchange calendar (the sample
    /// is a European index with rows on US holidays); tests add what they vary with <c>with</c>.
    /// </summary>
    public static BacktestOptions Options() => new()
    {
        Instruments = new Dictionary<string, Instrument> { [Instrument.Symbol] = Instrument },
        EnforceTradingHours = false,
    };

    /// <summary>The bars, or null when the file is absent outside CI (the test then returns; in CI it fails).</summary>
    public static IReadOnlyList<Bar>? Read(ITestOutputHelper output, string symbol = "SAMPLE")
    {
        var path = SharedDataFile.Find("2006-day-001.txt", output);
        if (path is null) return null;
        using var reader = File.OpenText(path);
        return CsvBarReader.ReadAll(reader, path, symbol);
    }
}
