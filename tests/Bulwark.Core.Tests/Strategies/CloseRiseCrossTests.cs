using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// The crossover strategies on hand-worked closes, where each reads one thing: whether the close rose. ma-cross's fast SMA
/// of one close is above its slow one of two exactly when the close rose from the one before; trix's TRIX of one bar is
/// the one-bar percent change, above zero exactly then. So a rise after a fall crosses up, a fall after a rise down, and
/// an unchanged close keeps the side.
/// </summary>
public sealed class CloseRiseCrossTests
{
    private const string Symbol = "X";

    public static TheoryData<string> Rules => new() { "ma-cross", "trix" };

    private static SignalStrategy Strategy(string rule, bool allowShort = false) => rule switch
    {
        "ma-cross" => new MovingAverageCrossStrategy("c", [Symbol], new MovingAverageCrossOptions { Fast = 1, Slow = 2, AllowShort = allowShort }),
        "trix" => new TrixStrategy("t", [Symbol], new TrixOptions { Period = 1, Cross = CrossLine.Zero, AllowShort = allowShort }),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "a strategy this test knows"),
    };

    // Ready at bar 1 (unchanged); bar 2 rises (above, no cross yet), 3 falls (down), 4 rises (up: long), 5 unchanged
    // (held), 6 falls (down: flat), 7 rises (up: long).
    private static readonly decimal[] Closes = [10m, 10m, 11m, 9m, 12m, 12m, 11m, 13m];

    [Theory]
    [MemberData(nameof(Rules))]
    public void HandWorked_LongOnTheCrossAbove_FlatOnTheCrossBelow_AndWithShortsEachCrossReverses(string rule)
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(rule), Symbol, Closes);
        Assert.Equal([(4, SignalDirection.Long), (6, SignalDirection.Flat), (7, SignalDirection.Long)], context.Directions());

        var shorts = new RecordingStrategyContext();
        shorts.Feed(Strategy(rule, allowShort: true), Symbol, Closes);
        Assert.Equal([(3, SignalDirection.Short), (4, SignalDirection.Long), (6, SignalDirection.Short), (7, SignalDirection.Long)], shorts.Directions());
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void APositionFoundAtTheStart_IsClosedIfTheLineIsAgainstIt(string rule)
    {
        var below = new RecordingStrategyContext();
        below.SetPosition(Symbol, 5m);
        below.Feed(Strategy(rule), Symbol, [10m, 10m, 9m]); // first below at bar 2
        Assert.Equal([(2, SignalDirection.Flat)], below.Directions());

        var shortAbove = new RecordingStrategyContext();
        shortAbove.SetPosition(Symbol, -5m);
        shortAbove.Feed(Strategy(rule, allowShort: true), Symbol, [10m, 10m, 11m]);
        Assert.Equal([(2, SignalDirection.Flat)], shortAbove.Directions());

        var above = new RecordingStrategyContext();
        above.SetPosition(Symbol, 5m);
        above.Feed(Strategy(rule), Symbol, [10m, 10m, 11m]);
        Assert.Empty(above.Directions());
    }
}
