namespace Bulwark.Core.Kernel.Events;

/// <summary>Good data came back for the symbol, or the operator resumed it (<paramref name="Reason"/>): its data quality stop is lifted.</summary>
public sealed record DataQualityResumed(string Symbol, string Reason) : BotEvent;
