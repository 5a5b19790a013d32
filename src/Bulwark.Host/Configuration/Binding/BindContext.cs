using Bulwark.Host.Configuration.Tree;

namespace Bulwark.Host.Configuration.Binding;

/// <summary>What every binder shares: the error list and the directory relative paths are resolved against.</summary>
internal sealed class BindContext(string baseDirectory, List<ConfigError> errors)
{
    public string BaseDirectory { get; } = baseDirectory;

    public List<ConfigError> Errors { get; } = errors;

    public void Error(ConfigSource source, string path, string message) => Errors.Add(source.Error(path, message));

    /// <summary>A full path for <paramref name="value"/>, relative values taken against <see cref="BaseDirectory"/>.</summary>
    public string ResolvePath(string value) => Path.GetFullPath(value, BaseDirectory);
}
