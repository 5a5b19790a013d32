using Bulwark.Core.Kernel.Events;

namespace Bulwark.Core.Journal;

/// <summary>An event with its position in the bot's journal (1-based, gap-free).</summary>
public readonly record struct JournaledEvent(long Sequence, BotEvent Event);
