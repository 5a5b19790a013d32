namespace Bulwark.Cli.Tests.Support;

/// <summary>A paper bot that trades often: fast bars, a short SMA, two symbols, a little slippage and commission.</summary>
public static class FastPaperConfig
{
    public const string Yaml = """
        dataDir: ./data
        snapshotEveryEvents: 50
        bots:
          - id: crash-1
            venue:
              type: paper
              initialCash: 100000
              commission: { perShare: 0.01 }
              slippageBps: 2
              maxVolumeParticipation: 0.5
            feed:
              type: synthetic
              seed: 7
              interval: 1m
              barsPerSecond: 60
              symbols:
                - { symbol: AAA, startPrice: 50 }
                - { symbol: BBB, startPrice: 120 }
            instruments:
              - { symbol: AAA, assetClass: equity }
              - { symbol: BBB, assetClass: equity }
            strategies:
              - { name: sma-cross, source: fast-a, symbols: [AAA], params: { period: 3 } }
              - { name: sma-cross, source: fast-b, symbols: [BBB], params: { period: 4 } }
            sizing: { mode: fixedQuantity, quantity: 25 }
            tradingHours: { enforce: false }
        """;
}
