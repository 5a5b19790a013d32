using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Bulwark.Cli;

/// <summary>
/// What produced a run's numbers, kept with them (the JSON's "run", the report's last table): the engine's version,
/// each strategy with every parameter it ran with, the data files with their SHA-256, and how they were read and cut.
/// A result saved today can then be traced to its inputs and run again.
/// </summary>
/// <param name="Engine">Bulwark's version with the commit it was built from.</param>
/// <param name="DataTimeZone">--data-time-zone (null: times without an offset are UTC).</param>
/// <param name="From">The window's start (null: the data's first bar).</param>
/// <param name="To">The window's end, inclusive (null: the data's last bar).</param>
/// <param name="WarmUpBars">How many bars before --from warmed the strategies up (--warm-up); 0 without.</param>
internal sealed record RunProvenance(string Engine, IReadOnlyList<StrategySetting> Strategies, IReadOnlyList<DataFileInfo> Data,
    string? DataTimeZone, bool Adjusted, DateTimeOffset? From, DateTimeOffset? To, int WarmUpBars)
{
    /// <summary>
    /// For a configured bot (--bot), the configuration file's path and the SHA-256 of its bytes; null for a --strategy
    /// run or the embedded defaults. Environment overrides are not in the hash: the JSON's sizing, risk, hours and
    /// costs are the values the run used.
    /// </summary>
    public FileHash? Config { get; init; }

    /// <summary>The benchmark's file (--benchmark), read as the data is; null without one.</summary>
    public DataFileInfo? Benchmark { get; init; }

    /// <summary>What a run on <paramref name="inputs"/> with these strategies uses.</summary>
    public static RunProvenance Of(IReadOnlyList<StrategySetting> strategies, BacktestInputs inputs) =>
        new(EngineVersion, strategies, inputs.Files, inputs.ReadAs.TimeZone?.Id, inputs.ReadAs.Adjusted, inputs.Window.From, inputs.Window.To,
            inputs.WarmUp.Count);

    /// <summary>The version `bulwark --version` prints, e.g. 1.0.0+1c4262f2....</summary>
    public static string EngineVersion { get; } =
        typeof(RunProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The run as rows of a two-column table (the HTML report's "Run").</summary>
    public IReadOnlyList<(string Name, string Value)> Rows()
    {
        var inv = CultureInfo.InvariantCulture;
        var rows = new List<(string, string)> { ("Engine", $"bulwark {Engine}") };
        foreach (var s in Strategies) rows.Add(($"Strategy {s.Source}", $"{s.Text} on {string.Join(", ", s.Symbols)}"));
        foreach (var f in Data)
        {
            var span = f.First is { } first && f.Last is { } last ? $", {BarTimeText.Of(first)} to {BarTimeText.Of(last)}" : "";
            rows.Add(($"Data {f.Symbol}", string.Create(inv, $"{f.Path}: {f.Bars:N0} bars{span}; SHA-256 {f.Sha256}")));
        }
        if (Benchmark is { } b)
            rows.Add(($"Benchmark {b.Symbol}", string.Create(inv, $"{b.Path}: {b.Bars:N0} bars, {BarTimeText.Of(b.First!.Value)} to {BarTimeText.Of(b.Last!.Value)}; SHA-256 {b.Sha256}")));
        if (Config is { } config) rows.Add(("Configuration", $"{config.Path}; SHA-256 {config.Sha256}"));
        rows.Add(("Read as", $"{(DataTimeZone is null ? "UTC" : DataTimeZone)} times{(Adjusted ? ", prices adjusted by Adj Close" : "")}"));
        if (WindowText is { } window) rows.Add(("Window", window));
        return rows;
    }

    /// <summary>"2024-06-01 to the end": the --from/--to window; null when the whole data was used.</summary>
    [JsonIgnore]
    public string? WindowText => From is null && To is null ? null
        : string.Create(CultureInfo.InvariantCulture, $"{(From is { } f ? BarTimeText.Of(f) : "the start")} to {(To is { } t ? BarTimeText.Of(t) : "the end")}{(WarmUpBars > 0 ? string.Create(CultureInfo.InvariantCulture, $", after warming up on the {WarmUpBars:N0} bars before") : "")}");
}
