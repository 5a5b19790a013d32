namespace Bulwark.Core.Kernel.Commands;

/// <summary>
/// Operator command: make <paramref name="Symbol"/> reduce-only, cancel its working orders and close its position at
/// market; the rest of the book trades on. See <see cref="BotKernel.OperatorFlattenSource"/>.
/// </summary>
public sealed record FlattenSymbol(string Symbol, string Reason) : KernelMessage;
