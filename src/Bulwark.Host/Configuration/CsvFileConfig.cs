namespace Bulwark.Host.Configuration;

/// <summary>A CSV file of bars replayed by the csv feed.</summary>
public sealed record CsvFileConfig
{
    /// <summary>Full path of the file; a relative value in the file is resolved against the file's directory.</summary>
    public string Path { get; init; } = "";

    public string Symbol { get; init; } = "";
}
