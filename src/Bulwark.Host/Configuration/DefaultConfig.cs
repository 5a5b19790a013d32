namespace Bulwark.Host.Configuration;

/// <summary>
/// What runs when no configuration file is given: one paper bot on a synthetic feed of one symbol,
/// trading the built-in <c>sma-cross</c> strategy with a fixed quantity. Loaded through the same
/// binder as a file, so environment overrides apply to it too.
/// </summary>
internal static class DefaultConfig
{
    public const string Yaml = """
        dataDir: ./.bulwark
        snapshotEveryEvents: 5000
        bots:
          - id: paper-1
            venue:
              type: paper
              initialCash: 100000
            feed:
              type: synthetic
              seed: 42
              interval: 1m
              barsPerSecond: 20
              symbols:
                - { symbol: SYNTH, startPrice: 100 }
            instruments:
              - { symbol: SYNTH, assetClass: equity, tickSize: 0.01, lotSize: 1, currency: USD, multiplier: 1 }
            strategies:
              - { name: sma-cross, symbols: [SYNTH], params: { period: 10 } }
            sizing:
              mode: fixedQuantity
              quantity: 10
            # The synthetic market trades around the clock; real equities keep their exchange hours.
            tradingHours:
              enforce: false
        """;
}
