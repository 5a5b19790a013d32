using Bulwark.Host.Configuration;

namespace Bulwark.Host.Tests.Configuration;

/// <summary>A temporary directory holding a <c>bulwark.yaml</c>; deleted on dispose.</summary>
internal sealed class TempConfigDirectory : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    public TempConfigDirectory()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("bulwark-config-tests-").FullName;
        ConfigPath = System.IO.Path.Combine(Directory, "bulwark.yaml");
    }

    public string Directory { get; }

    public string ConfigPath { get; }

    /// <summary>Writes <paramref name="yaml"/> as the config file and loads it.</summary>
    public ConfigLoadResult Load(string yaml, IReadOnlyDictionary<string, string>? environment = null)
    {
        File.WriteAllText(ConfigPath, yaml);
        return ConfigLoader.Load(ConfigPath, environment ?? NoEnvironment);
    }

    /// <summary>Writes a file next to the config, at a path relative to <see cref="Directory"/>.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
