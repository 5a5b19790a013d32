using Bulwark.Core.Model;

namespace Bulwark.Core.MarketData;

/// <summary>
/// Deterministic synthetic bars: geometric Brownian motion with regime switches, one walk per
/// symbol, bars of all symbols interleaved by time (for each bar time, the symbols in the order given).
/// </summary>
public sealed class SyntheticBarFeed : IBarFeed
{
    private readonly SyntheticFeedOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public SyntheticBarFeed(SyntheticFeedOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = options.Validate();
        if (errors.Count > 0)
            throw new ArgumentException("Invalid synthetic feed options: " + string.Join(" ", errors), nameof(options));
        // Own copies: the lists validated are the lists used, whatever the caller does with theirs later.
        _options = options with { Symbols = [.. options.Symbols], Regimes = [.. options.Regimes] };
        _timeProvider = timeProvider;
    }

    public SyntheticFeedOptions Options => _options;

    /// <summary>
    /// All bars without pacing (for backtests and benchmarks). Each enumeration starts the walk afresh
    /// from the seed, so enumerating twice yields the same bars. When no start is configured, the
    /// start time is read from the clock when this method is called.
    /// </summary>
    public IEnumerable<Bar> Generate()
    {
        var start = (_options.Start ?? FloorToInterval(_timeProvider.GetUtcNow(), _options.Interval)).ToUniversalTime();
        return Run(_options, start);
    }

    /// <summary>The bars of <see cref="Generate"/>, paced by <see cref="SyntheticFeedOptions.BarsPerSecond"/> on the injected clock.</summary>
    public IAsyncEnumerable<Bar> ReadAsync(CancellationToken cancellationToken) =>
        BarReplay.PaceAsync(Generate(), _options.BarsPerSecond, _timeProvider, cancellationToken);

    private static IEnumerable<Bar> Run(SyntheticFeedOptions options, DateTimeOffset start)
    {
        var generator = new SyntheticBarGenerator(options, start);
        long limit = options.MaxBars ?? long.MaxValue;
        for (long n = 0; n < limit; n++) yield return generator.Next();
    }

    private static DateTimeOffset FloorToInterval(DateTimeOffset now, TimeSpan interval)
    {
        long ticks = now.UtcTicks;
        return new DateTimeOffset(ticks - ticks % interval.Ticks, TimeSpan.Zero);
    }
}
