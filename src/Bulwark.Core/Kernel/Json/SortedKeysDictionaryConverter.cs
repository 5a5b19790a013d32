using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Bulwark.Core.Kernel.Json;

/// <summary>
/// Writes a hash dictionary with its keys in ordinal order, so equal states always serialize to equal JSON
/// (hash enumeration order depends on the history of inserts and removals, not on the content).
/// </summary>
internal sealed class SortedKeysDictionaryConverter<TValue> : JsonConverter<Dictionary<string, TValue>>
{
    public override Dictionary<string, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Expected an object.");
        var info = (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue));
        var result = new Dictionary<string, TValue>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString() ?? throw new JsonException("Null key.");
            reader.Read();
            result[key] = JsonSerializer.Deserialize(ref reader, info) ?? throw new JsonException($"Null value for '{key}'.");
        }
        return result;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, TValue> value, JsonSerializerOptions options)
    {
        var info = (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue));
        writer.WriteStartObject();
        foreach (var key in value.Keys.Order(StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            JsonSerializer.Serialize(writer, value[key], info);
        }
        writer.WriteEndObject();
    }
}
