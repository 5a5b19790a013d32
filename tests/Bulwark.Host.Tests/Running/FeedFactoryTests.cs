using Bulwark.Core.MarketData;
using Bulwark.Host.Configuration;
using Bulwark.Host.Running;

namespace Bulwark.Host.Tests.Running;

public sealed class FeedFactoryTests
{
    private static FeedConfig EurUsd => new()
    {
        Type = FeedConfig.Synthetic,
        Seed = 7,
        Interval = TimeSpan.FromMinutes(1),
        Symbols = [new SyntheticSymbolConfig { Symbol = "EURUSD", StartPrice = 1.1m }],
    };

    [Fact]
    public void ASyntheticFeed_MovesInTheTickItIsGiven()
    {
        // A pair at 1.10 with the default 10% to 60% a year moves a few hundred-thousandths a minute: in cents it would
        // hardly move at all; in tenths of a pip it moves on nearly every bar.
        static List<decimal> Closes(decimal tick) =>
            [.. ((SyntheticBarFeed)FeedFactory.Create(EurUsd, TimeProvider.System, tick)).Generate().Take(500).Select(b => b.Close)];

        var inPips = Closes(0.00001m);
        var inCents = Closes(0.01m);

        Assert.Contains(inPips, c => decimal.Round(c, 2) != c);
        Assert.All(inPips, c => Assert.Equal(c, decimal.Round(c, 5)));
        Assert.True(inPips.Distinct().Count() > 100, $"{inPips.Distinct().Count()} distinct closes");
        Assert.All(inCents, c => Assert.Equal(c, decimal.Round(c, 2)));
    }
}
