using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// What one operation will push to the sink, in the order it happened. Collected inside the transaction and pushed
/// only after it commits, so the sink never hears of anything the file does not hold. Kept as plain entries (an
/// update, a fill or a cash activity), not delegates: collecting an event allocates nothing but, now and then, the list's growth.
/// </summary>
internal sealed class PaperEvents
{
    private readonly List<(VenueOrderUpdate? Update, VenueFill? Fill, VenueCashActivity? Activity)> _pending = [];

    public void Update(VenueOrderUpdate update) => _pending.Add((update, null, null));

    public void Fill(VenueFill fill) => _pending.Add((null, fill, null));

    public void CashActivity(VenueCashActivity activity) => _pending.Add((null, null, activity));

    public void PushTo(IVenueEventSink? sink)
    {
        if (sink is null) return;
        foreach (var (update, fill, activity) in _pending)
        {
            if (update is not null) sink.OnOrderUpdate(update);
            else if (fill is not null) sink.OnFill(fill);
            else sink.OnCashActivity(activity!);
        }
    }

    /// <summary>Forgets what was collected, so the buffer can serve the next operation.</summary>
    public void Clear() => _pending.Clear();
}
