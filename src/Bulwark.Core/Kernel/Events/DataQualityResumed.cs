namespace Bulwark.Core.Kernel.Events;

/// <summary>Good data came back for the symbol (<paramref name="Reason"/>): its data quality stop is lifted.</summary>
public sealed record DataQualityResumed(string Symbol, string Reason) : BotEvent;
