namespace Bulwark.Core.Kernel.Events;

/// <summary>The order at <paramref name="Level"/> is gone (filled, canceled, rejected or expired): the level is free.</summary>
public sealed record GridLevelCleared(string Source, string Symbol, int Level, string ClientOrderId, string Reason)
    : GridEvent(Source, Symbol);
