namespace Bulwark.Host.MarketData;

/// <summary>Settings of a <see cref="CsvBarFileFeed"/>.</summary>
public sealed record CsvBarFileFeedOptions
{
    /// <summary>The files, one symbol each; bars with the same time come in this order.</summary>
    public required IReadOnlyList<CsvBarFile> Files { get; init; }

    /// <summary>Replay pace of <see cref="CsvBarFileFeed.ReadAsync(CancellationToken)"/>; null or 0 means as fast as possible.</summary>
    public double? BarsPerSecond { get; init; }

    /// <summary>Bar length for every file; null infers it per file (see <see cref="Core.MarketData.CsvBarReader"/>).</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>Where the files' date-times without an offset were written; null means UTC.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>Adjust each file's prices by its Adj Close column (see <see cref="Core.MarketData.CsvBarReadOptions.Adjusted"/>).</summary>
    public bool Adjusted { get; init; }

    /// <summary>Every problem with these options (not checking the files exist), each prefixed by its key path.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Files is null || Files.Count == 0) errors.Add("Files: at least one file is required.");
        else
        {
            var symbols = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < Files.Count; i++)
            {
                var file = Files[i];
                if (file is null || string.IsNullOrWhiteSpace(file.Path))
                {
                    errors.Add($"Files[{i}].Path: is empty.");
                    continue;
                }
                var symbol = file.EffectiveSymbol;
                if (string.IsNullOrWhiteSpace(symbol)) errors.Add($"Files[{i}].Symbol: is empty and the file name gives none.");
                else if (!symbols.TryAdd(symbol, i)) errors.Add($"Files[{i}].Symbol: '{symbol}' is also the symbol of Files[{symbols[symbol]}].");
            }
        }
        if (BarsPerSecond is { } pace && (!double.IsFinite(pace) || pace < 0))
            errors.Add($"BarsPerSecond: must be a finite number >= 0, was {pace}.");
        if (Interval <= TimeSpan.Zero) errors.Add($"Interval: must be positive, was {Interval}.");
        return errors;
    }
}
