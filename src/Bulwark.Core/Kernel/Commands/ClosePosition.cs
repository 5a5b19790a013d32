namespace Bulwark.Core.Kernel.Commands;

/// <summary>Flatten one symbol. Goes through the same pipeline as a Flat signal from <paramref name="Source"/>.</summary>
public sealed record ClosePosition(string Symbol, string Source, string RequestId) : KernelMessage;
