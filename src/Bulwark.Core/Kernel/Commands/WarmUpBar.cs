using Bulwark.Core.Model;

namespace Bulwark.Core.Kernel.Commands;

/// <summary>
/// A bar from before the bot's present (history a restarted bot's feed replays) for its strategies to warm up on
/// through a <see cref="Strategies.WarmUpContext"/>: they update their indicators and wait. Nothing is journaled,
/// marked or traded.
/// </summary>
public sealed record WarmUpBar(Bar Bar) : KernelMessage;
