using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// What one operation will push to the sink, in the order it happened. Collected inside the transaction and pushed
/// only after it commits, so the sink never hears of anything the file does not hold.
/// </summary>
internal sealed class PaperEvents
{
    private readonly List<Action<IVenueEventSink>> _pending = [];

    public void Update(VenueOrderUpdate update) => _pending.Add(sink => sink.OnOrderUpdate(update));

    public void Fill(VenueFill fill) => _pending.Add(sink => sink.OnFill(fill));

    public void PushTo(IVenueEventSink? sink)
    {
        if (sink is null) return;
        foreach (var push in _pending) push(sink);
    }

    /// <summary>Forgets what was collected, so the buffer can serve the next operation.</summary>
    public void Clear() => _pending.Clear();
}
