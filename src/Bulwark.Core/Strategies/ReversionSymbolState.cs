using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>What a mean-reversion strategy keeps for a symbol besides its own indicator.</summary>
public class ReversionSymbolState(IMovingAverage? trend, AverageDirectionalIndex? adx)
{
    /// <summary>The average of the closes longs must be above and shorts below; null without one.</summary>
    public IMovingAverage? Trend { get; } = trend;

    /// <summary>The trend filter's ADX; null without one.</summary>
    public AverageDirectionalIndex? Adx { get; } = adx;

    /// <summary>The stays below the lower line (longs) and above the upper (shorts) an entry was held in.</summary>
    public EntryVisits Visits { get; } = new();

    /// <summary>Updates the trend average and the ADX with the bar.</summary>
    public void Update(in Bar bar)
    {
        Trend?.Update(bar.Close);
        Adx?.Update(in bar);
    }
}
