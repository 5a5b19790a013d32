namespace Bulwark.Core.Venues;

public enum SubmitOutcome
{
    /// <summary>The venue took the order.</summary>
    Accepted,
    /// <summary>The venue explicitly refused the order; it will never execute.</summary>
    Rejected,
    /// <summary>The request surely never reached the venue (e.g. connection refused before sending): safe to retry.</summary>
    NotSent,
    /// <summary>The request may or may not have reached the venue (timeout after sending). Query; never resend blind.</summary>
    Unknown,
}
