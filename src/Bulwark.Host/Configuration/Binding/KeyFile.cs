namespace Bulwark.Host.Configuration.Binding;

/// <summary>A key whose value is a file to read now (dividends, blackouts), so a bad file is a configuration error at the key.</summary>
internal static class KeyFile
{
    /// <summary>
    /// The lines of the file <paramref name="key"/> names (a relative path is taken against the configuration file's
    /// directory) and its full path; null when the key is absent or blank, or the file cannot be read (reported at the key).
    /// </summary>
    public static string[]? ReadLines(MappingReader reader, string key, out string full)
    {
        full = "";
        if (!reader.Has(key)) return null;
        var path = reader.Value(key, "", ValueKinds.Text, Rules.NotBlank);
        if (path.Length == 0) return null;
        full = reader.Context.ResolvePath(path);
        try
        {
            return File.ReadAllLines(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error(reader, key, File.Exists(full) ? $"cannot read '{full}': {e.Message}" : $"file not found: {full}");
            return null;
        }
    }

    /// <summary>Reports <paramref name="message"/> at <paramref name="key"/>.</summary>
    public static void Error(MappingReader reader, string key, string message) =>
        reader.Context.Error(reader.SourceOf(key), reader.PathOf(key), message);
}
