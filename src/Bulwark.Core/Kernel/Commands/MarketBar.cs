using Bulwark.Core.Model;

namespace Bulwark.Core.Kernel.Commands;

public sealed record MarketBar(Bar Bar) : KernelMessage;
