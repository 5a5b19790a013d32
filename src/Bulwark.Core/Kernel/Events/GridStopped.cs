namespace Bulwark.Core.Kernel.Events;

/// <summary>The grid stopped (e.g. the price left its bounds): its level assignments are dropped and it places nothing until rebuilt.</summary>
public sealed record GridStopped(string Source, string Symbol, string Reason) : GridEvent(Source, Symbol);
