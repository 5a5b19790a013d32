using Bulwark.Host.Configuration;

namespace Bulwark.Host.Tests.Configuration;

internal static class ConfigAssert
{
    /// <summary>The loaded configuration; fails listing the errors if there were any.</summary>
    public static BulwarkConfig Loaded(ConfigLoadResult result)
    {
        Assert.True(result.Succeeded, "expected no errors, got:\n" + string.Join("\n", ConfigErrorFormatter.FormatAll(result.Errors)));
        return result.Config;
    }

    /// <summary>The one error at <paramref name="keyPath"/>, checked for line and message.</summary>
    public static ConfigError HasError(ConfigLoadResult result, string keyPath, int? line, string messagePart)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Config);
        var matching = result.Errors.Where(e => e.KeyPath == keyPath).ToList();
        var all = string.Join("\n", ConfigErrorFormatter.FormatAll(result.Errors));
        Assert.True(matching.Count == 1, $"expected one error at '{keyPath}', got {matching.Count}:\n{all}");
        var error = matching[0];
        Assert.True(error.Message.Contains(messagePart, StringComparison.Ordinal),
            $"expected the error at '{keyPath}' to contain \"{messagePart}\":\n{all}");
        Assert.Equal(line, error.Line);
        return error;
    }
}
