using Bulwark.Core.Indicators;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The exits a crossover rule still owes for a symbol (ema-cloud, macd-cross): a cross below makes a long's exit due and
/// drops a short's, a cross above the mirror. Both are due from the start, so a position found against the cross when the
/// strategy starts (an exit lost while the bot was down) is closed; an exit that could not go out while an order worked
/// goes at the first bar after, unless the series has crossed back. Any signal drops both: it sets what the position is.
/// </summary>
internal sealed class CrossExits
{
    /// <summary>A cross below not acted on yet.</summary>
    public bool LongDue { get; private set; } = true;

    /// <summary>A cross above not acted on yet, for a short.</summary>
    public bool ShortDue { get; private set; } = true;

    /// <summary>Takes the latest bar's cross.</summary>
    public void Follow(CrossOver cross)
    {
        if (cross.Down) (LongDue, ShortDue) = (true, false);
        else if (cross.Up) (LongDue, ShortDue) = (false, true);
    }

    /// <summary>A signal went out: nothing is owed any more.</summary>
    public void Acted() => (LongDue, ShortDue) = (false, false);
}
