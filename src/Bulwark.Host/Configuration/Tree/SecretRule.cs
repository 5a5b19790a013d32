namespace Bulwark.Host.Configuration.Tree;

/// <summary>
/// Secrets come from the environment only: a secret-named key (<see cref="SecretKeys"/>) with a value
/// written in the file is an error telling which variable to set instead. Runs before environment
/// overrides are applied, so values set by a <c>BULWARK__</c> variable are accepted, and a literal is
/// reported even when a variable overrides it. The error never repeats the value.
/// </summary>
internal static class SecretRule
{
    public static void Check(ConfigMapping root, List<ConfigError> errors) => Walk(root, "", [], errors);

    private static void Walk(ConfigNode node, string path, List<string> variableSegments, List<ConfigError> errors)
    {
        switch (node)
        {
            case ConfigMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    var childPath = KeyPath.Child(path, entry.Key);
                    variableSegments.Add(PascalCase(entry.Key));
                    if (SecretKeys.IsSecret(entry.Key)
                        && entry.Value is ConfigScalar { IsNull: false } literal)
                    {
                        var variable = EnvironmentOverrides.Prefix + string.Join(EnvironmentOverrides.Separator, variableSegments);
                        errors.Add(literal.Source.Error(childPath, $"secrets come from the environment: set {variable}"));
                    }

                    Walk(entry.Value, childPath, variableSegments, errors);
                    variableSegments.RemoveAt(variableSegments.Count - 1);
                }

                break;
            case ConfigSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    variableSegments.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Walk(sequence.Items[i], KeyPath.Index(path, i), variableSegments, errors);
                    variableSegments.RemoveAt(variableSegments.Count - 1);
                }

                break;
        }
    }

    private static string PascalCase(string key) =>
        key.Length == 0 ? key : char.ToUpperInvariant(key[0]) + key[1..];
}
