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

    /// <summary>A long was held during the present stay below the lower line: no other entry until it leaves.</summary>
    public bool LongVisitUsed { get; set; }

    /// <summary>A short was held during the present stay above the upper line.</summary>
    public bool ShortVisitUsed { get; set; }

    /// <summary>Updates the trend average and the ADX with the bar.</summary>
    public void Update(in Bar bar)
    {
        Trend?.Update(bar.Close);
        Adx?.Update(in bar);
    }
}
