using Bulwark.Core.Venues;

namespace Bulwark.Venues.Tests.Fakes;

/// <summary>Records everything a venue pushes, in arrival order. An optional probe runs on each event as it arrives.</summary>
internal sealed class RecordingSink(Action<object>? probe = null) : IVenueEventSink
{
    private readonly Lock _lock = new();
    private readonly List<object> _events = [];

    public IReadOnlyList<object> Events
    {
        get { lock (_lock) return [.. _events]; }
    }

    public IReadOnlyList<VenueFill> Fills => [.. Events.OfType<VenueFill>()];

    public IReadOnlyList<VenueOrderUpdate> Updates => [.. Events.OfType<VenueOrderUpdate>()];

    public IReadOnlyList<VenueCashActivity> CashActivities => [.. Events.OfType<VenueCashActivity>()];

    public void OnFill(VenueFill fill) => Record(fill);

    public void OnOrderUpdate(VenueOrderUpdate update) => Record(update);

    public void OnCashActivity(VenueCashActivity activity) => Record(activity);

    private void Record(object e)
    {
        probe?.Invoke(e);
        lock (_lock) _events.Add(e);
    }
}
