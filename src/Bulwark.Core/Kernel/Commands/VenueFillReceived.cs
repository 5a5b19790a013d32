using Bulwark.Core.Venues;

namespace Bulwark.Core.Kernel.Commands;

public sealed record VenueFillReceived(VenueFill Fill, bool Recovered = false) : KernelMessage;
