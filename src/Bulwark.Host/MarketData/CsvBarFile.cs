namespace Bulwark.Host.MarketData;

/// <summary>A CSV file of bars and the symbol its bars belong to (null: the file name without extension).</summary>
public sealed record CsvBarFile(string Path, string? Symbol = null)
{
    /// <summary>The symbol of the file's bars.</summary>
    public string EffectiveSymbol => string.IsNullOrWhiteSpace(Symbol) ? System.IO.Path.GetFileNameWithoutExtension(Path) : Symbol;
}
