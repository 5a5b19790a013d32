using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// What one operation will push to the sink, in the order it happened. Collected inside the transaction and pushed
/// only after it commits, so the sink never hears of anything the file does not hold. Kept as plain entries (an
/// update, a fill or a cash activity), not delegates: collecting an event allocates nothing but, now and then, the
/// list's growth.
/// </summary>
internal sealed class PaperEvents
{
    /// <summary>Each a <see cref="VenueOrderUpdate"/>, a <see cref="VenueFill"/> or a <see cref="VenueCashActivity"/>.</summary>
    private readonly List<object> _pending = [];

    public void Update(VenueOrderUpdate update) => _pending.Add(update);

    public void Fill(VenueFill fill) => _pending.Add(fill);

    public void CashActivity(VenueCashActivity activity) => _pending.Add(activity);

    public void PushTo(IVenueEventSink? sink)
    {
        if (sink is null) return;
        foreach (var pending in _pending)
        {
            switch (pending)
            {
                case VenueOrderUpdate update: sink.OnOrderUpdate(update); break;
                case VenueFill fill: sink.OnFill(fill); break;
                default: sink.OnCashActivity((VenueCashActivity)pending); break;
            }
        }
    }

    /// <summary>Forgets what was collected, so the buffer can serve the next operation.</summary>
    public void Clear() => _pending.Clear();
}
