namespace Bulwark.Cli;

/// <summary>
/// The bar files a --data option names: each value may list files separated by commas, the option may take several
/// values (a shell's <c>data/*.csv</c>) or be repeated, and a directory stands for its <c>.csv</c> and <c>.txt</c> files
/// (not its subdirectories) in name order. Files keep the order given.
/// </summary>
internal static class DataPaths
{
    private static readonly string[] Extensions = [".csv", ".txt"];

    /// <exception cref="UsageException">A directory holds no bar file, no file is given at all, or an option the command does not have
    /// followed the files.</exception>
    public static IReadOnlyList<string> Expand(IEnumerable<string> values)
    {
        var paths = new List<string>();
        foreach (var entry in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            // --data takes every word up to the next option it knows, so an option the command does not have lands here.
            if (entry.StartsWith('-') && !File.Exists(entry) && !Directory.Exists(entry))
                throw new UsageException($"--data: '{entry}' is not a file but reads as an option, and this command has no option '{entry}' (see --help)");
            if (!Directory.Exists(entry))
            {
                paths.Add(entry);
                continue;
            }
            var files = Directory.EnumerateFiles(entry)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) throw new UsageException($"--data '{entry}': the directory holds no .csv or .txt file");
            paths.AddRange(files);
        }
        if (paths.Count == 0) throw new UsageException("--data: no file given");
        return paths;
    }
}
