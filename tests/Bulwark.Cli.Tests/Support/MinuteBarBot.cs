using System.Globalization;

namespace Bulwark.Cli.Tests.Support;

/// <summary>
/// The operator commands' test bot: a paper bot on CSV files of minute bars, one a symbol, run by sma-cross period 2 (it
/// buys on the first close above the last) trading 10 a time, swing, with the exchange's hours not enforced.
/// </summary>
public static class MinuteBarBot
{
    /// <summary>CSV rows of one day's minute bars from 10:00, each bar's four prices its close.</summary>
    public static IEnumerable<string> Rows(string date, params decimal[] closes) =>
        closes.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"{date},10:{i:00}:00,{c},{c},{c},{c},1000"));

    /// <summary>Writes <c>SYMBOL.csv</c> with its header and <paramref name="rows"/>.</summary>
    public static void WriteBars(TempDir dir, string symbol, IEnumerable<string> rows) =>
        File.WriteAllLines(Path.Combine(dir.Path, $"{symbol}.csv"), ["Date,Time,Open,High,Low,Close,Volume", .. rows]);

    /// <summary>Writes the configuration of bot <paramref name="id"/> on the symbols' files, with <paramref name="extra"/> lines (two-space indented YAML under the bot); its path.</summary>
    public static string Config(TempDir dir, string id, IReadOnlyList<string> symbols, string extra = "")
    {
        var files = string.Join(", ", symbols.Select(s => $"{{ path: {s}.csv, symbol: {s} }}"));
        var instruments = string.Join(", ", symbols.Select(s => $"{{ symbol: {s} }}"));
        var yaml = $$"""
            bots:
              - id: {{id}}
                venue: { type: paper, slippageBps: 0 }
                feed: { type: csv, interval: 1m, barsPerSecond: 20, files: [ {{files}} ] }
                instruments: [ {{instruments}} ]
                strategies: [ { name: sma-cross, symbols: [{{string.Join(", ", symbols)}}], params: { period: 2 }, swing: true } ]
                sizing: { mode: fixedQuantity, quantity: 10 }
                tradingHours: { enforce: false }

            """;
        return dir.File("bulwark.yaml", yaml + string.Concat(extra.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => $"    {l.TrimEnd()}\n")));
    }
}
