using Bulwark.Core.Venues;

namespace Bulwark.Venues.Tests.Fakes;

/// <summary>Appends pushed fills to a list shared across venue instances (one at a time), ignoring everything else.</summary>
internal sealed class ListSink(List<VenueFill> fills) : IVenueEventSink
{
    public void OnFill(VenueFill fill)
    {
        lock (fills) fills.Add(fill);
    }

    public void OnOrderUpdate(VenueOrderUpdate update)
    {
    }

    public void OnCashActivity(VenueCashActivity activity)
    {
    }
}
