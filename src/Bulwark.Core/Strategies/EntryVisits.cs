namespace Bulwark.Core.Strategies;

/// <summary>
/// One entry a visit to an entry zone (a mean-reversion strategy's extreme, a breakout beyond a channel): a position held
/// during a stay in the long zone uses that stay up, so one closed there by a protective stop or a time stop is not
/// entered again until the reading has left the zone; the short zone likewise. A stay the strategy was refused in by a
/// filter is not used.
/// </summary>
public sealed class EntryVisits
{
    /// <summary>A long was held during the present stay in the long zone: no other long until it ends.</summary>
    public bool LongUsed { get; private set; }

    /// <summary>A short was held during the present stay in the short zone.</summary>
    public bool ShortUsed { get; private set; }

    /// <summary>Follows one bar: whether its reading is in each zone, and the <paramref name="position"/> held at its close.</summary>
    public void Update(bool inLongZone, bool inShortZone, decimal position)
    {
        if (!inLongZone) LongUsed = false;
        else if (position > 0m) LongUsed = true;
        if (!inShortZone) ShortUsed = false;
        else if (position < 0m) ShortUsed = true;
    }
}
