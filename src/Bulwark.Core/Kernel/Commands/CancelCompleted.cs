using Bulwark.Core.Venues;

namespace Bulwark.Core.Kernel.Commands;

public sealed record CancelCompleted(string ClientOrderId, CancelResult Result) : KernelMessage;
