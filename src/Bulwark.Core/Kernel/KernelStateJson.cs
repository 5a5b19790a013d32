using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bulwark.Core.Kernel;

/// <summary>The state's snapshot form. Stable key order (sorted collections) makes equal states serialize equally.</summary>
public static class KernelStateJson
{
    public static string Serialize(KernelState state) => JsonSerializer.Serialize(state, KernelStateJsonContext.Default.KernelState);

    public static KernelState Deserialize(string json)
    {
        var state = JsonSerializer.Deserialize(json, KernelStateJsonContext.Default.KernelState)
                    ?? throw new JsonException("Snapshot state is the JSON literal null.");
        StateProjector.AfterLoad(state);
        return state;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(KernelState))]
[JsonSerializable(typeof(Orders.Order))]
[JsonSerializable(typeof(Positions.Position))]
[JsonSerializable(typeof(GridBook))]
internal sealed partial class KernelStateJsonContext : JsonSerializerContext;
