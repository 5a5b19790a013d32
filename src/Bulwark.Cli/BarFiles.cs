using Bulwark.Core.MarketData;
using Bulwark.Core.Model;

namespace Bulwark.Cli;

/// <summary>Reads a CSV bar file for a command; a missing file or a bad row is a usage error naming file and line.</summary>
internal static class BarFiles
{
    /// <summary>The symbol is the file name without its extension.</summary>
    public static string SymbolOf(string path) => Path.GetFileNameWithoutExtension(path) is { Length: > 0 } name ? name : "data";

    /// <param name="timeZone">Where date-times without an offset were written (null: UTC).</param>
    public static IReadOnlyList<Bar> Read(string path, string? symbol = null, TimeZoneInfo? timeZone = null)
    {
        if (!File.Exists(path)) throw new UsageException($"--data: no such file '{path}'");
        try
        {
            using var reader = new StreamReader(path);
            return CsvBarReader.ReadAll(reader, path, symbol ?? SymbolOf(path), timeZone: timeZone);
        }
        catch (BarDataException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
