namespace Bulwark.Venues;

/// <summary>Thrown by <see cref="FaultyVenue"/> in <see cref="FaultyVenueMode.ThrowBeforeSend"/>: nothing reached the inner venue.</summary>
public sealed class FaultyVenueException : Exception
{
    public FaultyVenueException()
        : this("Injected fault: the submit failed before it was sent.")
    {
    }

    public FaultyVenueException(string message)
        : base(message)
    {
    }

    public FaultyVenueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
