using Bulwark.Core.Venues;

namespace Bulwark.Core.Kernel.Commands;

public sealed record VenueCashActivityReceived(VenueCashActivity Activity) : KernelMessage;
