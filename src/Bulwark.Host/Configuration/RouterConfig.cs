namespace Bulwark.Host.Configuration;

/// <summary>How orders are submitted to the venue.</summary>
public sealed record RouterConfig
{
    /// <summary>A submit not answered within this time has an unknown outcome.</summary>
    public TimeSpan SubmitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts for a submit that surely did not reach the venue, the first included.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Wait before the first retry.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromMilliseconds(200);
}
