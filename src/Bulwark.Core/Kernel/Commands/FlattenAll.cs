namespace Bulwark.Core.Kernel.Commands;

/// <summary>
/// Operator command: close every position and cancel every working order, then stay reduce-only (the panic button).
/// See <see cref="BotKernel.OperatorFlattenSource"/>.
/// </summary>
public sealed record FlattenAll(string Reason) : KernelMessage;
