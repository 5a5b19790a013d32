using System.Reflection;
using Bulwark.Host.Configuration;

namespace Bulwark.Host.Tests.Configuration;

/// <summary>The public properties of the configuration, found by reflection so that new ones cannot be forgotten.</summary>
internal static class ConfigProperties
{
    /// <summary>Names of every public instance property reachable from <see cref="BulwarkConfig"/>, with their declaring type.</summary>
    public static IReadOnlyList<(Type Owner, string Name)> All()
    {
        var result = new List<(Type, string)>();
        Collect(typeof(BulwarkConfig), [], result);
        return result;
    }

    private static void Collect(Type type, HashSet<Type> seen, List<(Type, string)> result)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            result.Add((type, property.Name));
            var valueType = property.PropertyType;
            if (valueType.IsGenericType && valueType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
                valueType = valueType.GetGenericArguments()[0];
            if (valueType.IsClass && valueType.Namespace?.StartsWith("Bulwark", StringComparison.Ordinal) == true && seen.Add(valueType))
                Collect(valueType, seen, result);
        }
    }
}
