using System.Text.Json;
using System.Text.Json.Serialization;
using Bulwark.Core.Reconciliation;

namespace Bulwark.Host.Running;

public static class ReconciliationJson
{
    public static string Serialize(ReconciliationReport report) =>
        JsonSerializer.Serialize(report, ReconciliationJsonContext.Default.ReconciliationReport);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReconciliationReport))]
internal sealed partial class ReconciliationJsonContext : JsonSerializerContext;
