using Bulwark.Core.MarketData;
using Bulwark.Core.Model;

namespace Bulwark.Cli;

/// <summary>Reads a CSV bar file for a command; a missing file or a bad row is a usage error naming file and line.</summary>
internal static class BarFiles
{
    /// <summary>The symbol is the file name without its extension.</summary>
    public static string SymbolOf(string path) => Path.GetFileNameWithoutExtension(path) is { Length: > 0 } name ? name : "data";

    /// <param name="options">Time zone and adjustment (null: as written).</param>
    public static IReadOnlyList<Bar> Read(string path, string? symbol = null, CsvBarReadOptions? options = null)
    {
        if (!File.Exists(path)) throw new UsageException($"--data: no such file '{path}'");
        try
        {
            using var reader = new StreamReader(path);
            return CsvBarReader.ReadAll(reader, path, symbol ?? SymbolOf(path), options);
        }
        catch (BarDataException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
