namespace Bulwark.Core.Kernel.Commands;

public sealed record CancelOrder(string ClientOrderId, string Reason) : KernelMessage;
