namespace Bulwark.Core.Strategies;

/// <summary>Which rule drives a symbol in <see cref="HmmRegimeStrategy"/>.</summary>
internal enum RegimeMode
{
    /// <summary>No bar seen yet.</summary>
    Starting,
    /// <summary>The fitted model's regime sets the target.</summary>
    Model,
    /// <summary>Validation failed: the sma-cross fallback trades.</summary>
    Fallback,
}
