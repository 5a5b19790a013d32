using System.Reflection;
using System.Text.RegularExpressions;
using Bulwark.Host.Configuration;

namespace Bulwark.Host.Tests.Configuration;

public sealed class ExampleConfigTests
{
    private static string ExamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bulwark.slnx")))
                return Path.Combine(dir.FullName, "bulwark.example.yaml");
        }

        throw new InvalidOperationException($"No Bulwark.slnx above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void ExampleFile_LoadsWithoutErrors()
    {
        var config = ConfigAssert.Loaded(ConfigLoader.Load(ExamplePath(), TempConfigDirectory.NoEnvironment));

        var bot = Assert.Single(config.Bots);
        Assert.Equal("paper-1", bot.Id);
        Assert.Equal("sma-fast", bot.Strategies[0].Source);
    }

    [Fact]
    public void ExampleFile_MentionsEveryConfigurationKey()
    {
        var text = File.ReadAllText(ExamplePath());
        var missing = KeysOf(typeof(BulwarkConfig), [])
            .Distinct()
            .Where(key => !Regex.IsMatch(text, $@"\b{key}\s*:"))
            .ToList();

        Assert.True(missing.Count == 0, "bulwark.example.yaml has no line 'key:' for: " + string.Join(", ", missing));
    }

    /// <summary>camelCase names of every public property reachable from <paramref name="type"/>.</summary>
    private static IEnumerable<string> KeysOf(Type type, HashSet<Type> seen)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            yield return char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            var valueType = property.PropertyType;
            if (valueType.IsGenericType && valueType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
                valueType = valueType.GetGenericArguments()[0];
            if (valueType.IsClass && valueType.Namespace?.StartsWith("Bulwark", StringComparison.Ordinal) == true && seen.Add(valueType))
            {
                foreach (var key in KeysOf(valueType, seen))
                    yield return key;
            }
        }
    }
}
