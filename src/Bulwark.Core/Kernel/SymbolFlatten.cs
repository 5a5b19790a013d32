namespace Bulwark.Core.Kernel;

/// <summary>The operator's flatten of one symbol under way: why, and the journal sequence of its request (its orders' signal ids carry it).</summary>
public sealed record SymbolFlatten(string Reason, long Sequence);
