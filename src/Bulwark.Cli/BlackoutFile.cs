using Bulwark.Core.Risk;

namespace Bulwark.Cli;

/// <summary>The blackout days --blackouts reads: a CSV file as <see cref="BlackoutCsv"/> reads it.</summary>
internal static class BlackoutFile
{
    /// <exception cref="UsageException">
    /// The file is missing, lacks a column, a row is bad (the file and line are named), or it names a symbol the run does
    /// not trade (most likely a misspelt one, which would leave the real symbol trading through its event).
    /// </exception>
    public static Blackouts Read(string path, IReadOnlyList<string> symbols)
    {
        if (!File.Exists(path)) throw new UsageException($"--blackouts '{path}': no such file");
        var blackouts = BlackoutCsv.Parse(File.ReadAllLines(path), out var problem)
            ?? throw new UsageException($"--blackouts {problem!.Value.In(path)}");
        if (blackouts.SymbolsNotIn(symbols.ToHashSet(StringComparer.Ordinal)) is { Count: > 0 } unknown)
            throw new UsageException($"--blackouts '{path}' gives blackouts of {string.Join(", ", unknown)}, not among the run's symbols ({string.Join(", ", symbols.Order(StringComparer.Ordinal))}); give * for every symbol");
        return blackouts;
    }
}
