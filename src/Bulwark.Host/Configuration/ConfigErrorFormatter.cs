namespace Bulwark.Host.Configuration;

/// <summary>Formats configuration errors the way compilers do: <c>bulwark.yaml:14: bots[0].sizing.quantity: must be &gt; 0</c>.</summary>
public static class ConfigErrorFormatter
{
    /// <summary>One line: the location (file and line, when known), the key path (when any), the message.</summary>
    public static string Format(ConfigError error)
    {
        var location = (error.File, error.Line) switch
        {
            ({ } file, { } line) => $"{file}:{line}: ",
            ({ } file, null) => $"{file}: ",
            _ => "",
        };
        var key = error.KeyPath.Length == 0 ? "" : $"{error.KeyPath}: ";
        return location + key + error.Message;
    }

    /// <summary>One line per error, in the order given.</summary>
    public static IReadOnlyList<string> FormatAll(IEnumerable<ConfigError> errors) => errors.Select(Format).ToList();
}
