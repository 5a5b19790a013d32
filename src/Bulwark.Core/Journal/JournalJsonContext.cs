using System.Text.Json.Serialization;
using Bulwark.Core.Kernel.Events;

namespace Bulwark.Core.Journal;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BotEvent))]
internal sealed partial class JournalJsonContext : JsonSerializerContext;
