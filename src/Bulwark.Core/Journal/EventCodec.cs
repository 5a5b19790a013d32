using System.Text.Json;
using Bulwark.Core.Kernel.Events;

namespace Bulwark.Core.Journal;

/// <summary>
/// Turns events into their stored form and back. The type name is stored beside the payload so a reader can
/// filter without parsing; <see cref="FormatVersion"/> is bumped whenever a stored shape changes incompatibly.
/// </summary>
public static class EventCodec
{
    public const int FormatVersion = 1;

    public static byte[] Encode(BotEvent e) => JsonSerializer.SerializeToUtf8Bytes(e, JournalJsonContext.Default.BotEvent);

    public static string TypeName(BotEvent e) => e.GetType().Name;

    /// <exception cref="JsonException">The payload is not a valid event.</exception>
    public static BotEvent Decode(ReadOnlySpan<byte> payload) =>
        JsonSerializer.Deserialize(payload, JournalJsonContext.Default.BotEvent)
        ?? throw new JsonException("The payload is the JSON literal null, not an event.");
}
