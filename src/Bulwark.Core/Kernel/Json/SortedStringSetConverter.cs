using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bulwark.Core.Kernel.Json;

/// <summary>Writes a hash set of strings as an ordinally sorted array (deterministic snapshots).</summary>
internal sealed class SortedStringSetConverter : JsonConverter<HashSet<string>>
{
    public override HashSet<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("Expected an array.");
        var result = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            result.Add(reader.GetString() ?? throw new JsonException("Null string in set."));
        return result;
    }

    public override void Write(Utf8JsonWriter writer, HashSet<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var s in value.Order(StringComparer.Ordinal)) writer.WriteStringValue(s);
        writer.WriteEndArray();
    }
}
