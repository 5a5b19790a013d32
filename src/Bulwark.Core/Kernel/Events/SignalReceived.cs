using Bulwark.Core.Model;

namespace Bulwark.Core.Kernel.Events;

public sealed record SignalReceived(Signal Signal) : BotEvent;
