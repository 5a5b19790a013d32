using System.Collections;
using Bulwark.Host.Configuration.Binding;
using Bulwark.Host.Configuration.Tree;

namespace Bulwark.Host.Configuration;

/// <summary>
/// Loads <c>bulwark.yaml</c> (or the built-in defaults), applies <c>BULWARK__</c> environment
/// overrides, checks the secrets rule, binds and validates, and reports every error at once.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Prefix of override variables: <c>BULWARK__Bots__0__Sizing__Quantity=5</c>.</summary>
    public const string EnvironmentPrefix = EnvironmentOverrides.Prefix;

    /// <summary>
    /// Loads the configuration at <paramref name="path"/>, or the built-in defaults when it is null.
    /// Relative paths in the configuration (<c>dataDir</c>, csv <c>files</c>) are resolved against the
    /// file's directory, or against the current directory for the defaults.
    /// </summary>
    /// <param name="environment">The variables to take overrides and secrets from; the CLI passes
    /// <see cref="ReadProcessEnvironment"/>, tests pass their own.</param>
    public static ConfigLoadResult Load(string? path, IReadOnlyDictionary<string, string> environment)
    {
        var errors = new List<ConfigError>();
        string text;
        string baseDirectory;
        if (path is null)
        {
            text = DefaultConfig.Yaml;
            baseDirectory = Directory.GetCurrentDirectory();
        }
        else
        {
            if (!File.Exists(path))
                return ConfigLoadResult.Failure([new ConfigError("", "file not found", path, null)]);
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return ConfigLoadResult.Failure([new ConfigError("", $"cannot read the file: {e.Message}", path, null)]);
            }

            baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        }

        var root = YamlTreeReader.Read(text, path, errors);
        if (root is null)
            return ConfigLoadResult.Failure(errors);

        // Secrets first: a literal secret in the file is an error even if a variable overrides it,
        // since it still sits in the file.
        SecretRule.Check(root, errors);
        EnvironmentOverrides.Apply(root, environment, errors);
        var config = RootBinder.Bind(new BindContext(baseDirectory, errors), root);

        return errors.Count == 0
            ? ConfigLoadResult.Success(config)
            : ConfigLoadResult.Failure(errors.OrderBy(e => e.Line ?? int.MaxValue).ToList());
    }

    /// <summary>A copy of this process's environment variables, for <see cref="Load"/>.</summary>
    public static IReadOnlyDictionary<string, string> ReadProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
                result[key] = value;
        }

        return result;
    }
}
