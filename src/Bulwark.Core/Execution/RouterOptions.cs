namespace Bulwark.Core.Execution;

public sealed record RouterOptions
{
    /// <summary>How long one submit may take before its outcome is treated as unknown.</summary>
    public TimeSpan SubmitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts for a submit that surely did not reach the venue; unknown outcomes are never retried.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>First retry delay; doubles each attempt, with jitter.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromMilliseconds(200);
}
