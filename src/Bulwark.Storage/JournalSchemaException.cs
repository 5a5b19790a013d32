namespace Bulwark.Storage;

/// <summary>The journal file's schema is not one this build can use (newer than it knows, or not a journal at all).</summary>
public sealed class JournalSchemaException : Exception
{
    public JournalSchemaException(string path, long foundVersion, long supportedVersion, string message)
        : base(message)
    {
        Path = path;
        FoundVersion = foundVersion;
        SupportedVersion = supportedVersion;
    }

    public string Path { get; }

    /// <summary>The schema version recorded in the file (0 when it has none).</summary>
    public long FoundVersion { get; }

    /// <summary>The newest schema version this build knows.</summary>
    public long SupportedVersion { get; }
}
