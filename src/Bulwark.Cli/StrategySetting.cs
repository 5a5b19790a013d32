using System.Text.Json.Serialization;
using Bulwark.Core.Strategies;

namespace Bulwark.Cli;

/// <summary>One strategy of a run as it ran: its source name, catalog name, symbols and every parameter (defaults included).</summary>
internal sealed record StrategySetting(string Source, string Name, IReadOnlyList<string> Symbols, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>"sma-cross period=15": the name and the parameters as --param would take them (a protective stop only when on).</summary>
    [JsonIgnore]
    public string Text => Parameters.Count == 0 ? Name
        : $"{Name} {string.Join(' ', StrategyCatalog.Described(Parameters).Select(p => $"{p.Key}={p.Value}"))}";
}
