namespace Bulwark.Core.Strategies;

/// <summary>
/// The turtles' record of one symbol's last breakout, taken or not: a paper trade opened at the close of each breakout
/// while none is open (longs, and shorts when they are traded), closed at the close that crosses its exit channel or
/// breaks out the other way (which opens the next). <see cref="Skipped"/> says whether the open one followed a winner
/// (closed beyond its entry, in its favour), the breakout the turtles' first system skips.
/// </summary>
internal sealed class PaperBreakout
{
    private decimal _entry;
    private bool _lastWon;

    /// <summary>The open paper trade's side: 1 long, -1 short, 0 none.</summary>
    public int Side { get; private set; }

    /// <summary>Whether the open paper trade followed a winning one, so its breakout is not taken.</summary>
    public bool Skipped { get; private set; }

    /// <summary>
    /// Follows one bar's <paramref name="close"/>: whether it broke out above or below the entry channel and crossed the
    /// exit channel below (a long's exit) or above (a short's).
    /// </summary>
    public void Update(decimal close, bool breakoutUp, bool breakoutDown, bool exitLong, bool exitShort)
    {
        if ((Side > 0 && (exitLong || breakoutDown)) || (Side < 0 && (exitShort || breakoutUp)))
        {
            _lastWon = Side * (close - _entry) > 0m;
            Side = 0;
        }
        if (Side != 0 || !(breakoutUp || breakoutDown)) return;
        Side = breakoutUp ? 1 : -1;
        _entry = close;
        Skipped = _lastWon;
    }
}
