using Bulwark.Core.Venues;

namespace Bulwark.Core.Kernel.Commands;

public sealed record VenueUpdateReceived(VenueOrderUpdate Update) : KernelMessage;
