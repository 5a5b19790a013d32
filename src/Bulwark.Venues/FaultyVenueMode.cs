namespace Bulwark.Venues;

/// <summary>What <see cref="FaultyVenue"/> does with a submit.</summary>
public enum FaultyVenueMode
{
    /// <summary>Forwards to the inner venue and returns its answer.</summary>
    PassThrough,
    /// <summary>Does not forward; returns <see cref="Core.Venues.SubmitOutcome.NotSent"/> (connection refused before send).</summary>
    NotSent,
    /// <summary>Does not forward; throws <see cref="FaultyVenueException"/> (the call failed before anything was sent).</summary>
    ThrowBeforeSend,
    /// <summary>Forwards to the inner venue, then returns <see cref="Core.Venues.SubmitOutcome.Unknown"/> (timeout after send).</summary>
    UnknownAfterSend,
    /// <summary>Does not forward; returns a rejection with <see cref="FaultyVenue.RejectCode"/>.</summary>
    Reject,
}
