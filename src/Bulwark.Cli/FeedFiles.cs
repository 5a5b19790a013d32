using Bulwark.Core.MarketData;

namespace Bulwark.Cli;

/// <summary>A bot's csv feed as bar data (`backtest --bot`): its files with their configured symbols, and how `run` reads them.</summary>
internal sealed record FeedFiles(IReadOnlyList<(string Path, string Symbol)> Files, CsvBarReadOptions ReadAs);
