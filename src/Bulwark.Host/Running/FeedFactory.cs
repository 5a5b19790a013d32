using Bulwark.Core.MarketData;
using Bulwark.Host.Configuration;
using Bulwark.Host.MarketData;

namespace Bulwark.Host.Running;

public static class FeedFactory
{
    /// <param name="tickSize">The price step of a synthetic feed: the finest tick of the bot's instruments it quotes, so a
    /// currency pair at 1.10 moves in tenths of a pip, not in cents (which its minute moves would round to nothing).</param>
    public static IBarFeed Create(FeedConfig config, TimeProvider time, decimal tickSize = Core.Model.Instrument.DefaultTickSize) => config.Type switch
    {
        FeedConfig.Synthetic => new SyntheticBarFeed(new SyntheticFeedOptions
        {
            Symbols = config.Symbols.Select(s => new SyntheticSymbol(s.Symbol, s.StartPrice)).ToList(),
            TickSize = tickSize,
            Seed = config.Seed,
            Interval = config.Interval,
            BarsPerSecond = config.BarsPerSecond > 0m ? (double)config.BarsPerSecond : null,
        }, time),
        FeedConfig.Csv => new CsvBarFileFeed(new CsvBarFileFeedOptions
        {
            Files = config.Files.Select(f => new CsvBarFile(f.Path, f.Symbol)).ToList(),
            TimeZone = config.TimeZone is { } zone ? TimeZoneInfo.FindSystemTimeZoneById(zone) : null,
            Adjusted = config.Adjusted,
            BarsPerSecond = config.BarsPerSecond > 0m ? (double)config.BarsPerSecond : null,
        }, time),
        _ => throw new InvalidOperationException($"Feed type '{config.Type}' is not supported."),
    };
}
