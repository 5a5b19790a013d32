using System.Diagnostics.CodeAnalysis;

namespace Bulwark.Core.MarketData;

/// <summary>
/// Bar data that cannot be used, located by <see cref="Source"/> (a file path or other name) and
/// 1-based <see cref="Line"/> (the header is line 1). The message reads "source:line: detail".
/// </summary>
public sealed class BarDataException : Exception
{
    private string _source;

    public BarDataException(string source, int line, string detail)
        : base($"{source}:{line}: {detail}")
    {
        _source = source;
        Line = line;
        Detail = detail;
    }

    /// <summary>Where the data came from (for files, the path).</summary>
    [AllowNull]
    public override string Source
    {
        get => _source;
        set => _source = value ?? string.Empty;
    }

    /// <summary>1-based line of the problem; the header is line 1.</summary>
    public int Line { get; }

    /// <summary>The problem without its location.</summary>
    public string Detail { get; }
}
