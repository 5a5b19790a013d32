using Bulwark.Host.Configuration.Tree;

namespace Bulwark.Host.Configuration.Binding;

/// <summary>Turns one node into a typed value, recording "expected X, got Y" and range errors.</summary>
internal static class ScalarReader
{
    public static bool TryRead<T>(BindContext context, ConfigNode node, string path, ValueKind<T> kind,
        Func<T, string?>? check, out T value)
    {
        value = default!;
        if (node is not ConfigScalar { IsNull: false } scalar)
        {
            context.Error(node.Source, path, $"expected {kind.Expected}, got {node.Describe()}");
            return false;
        }

        if (!kind.TryParse(scalar.Value, out value))
        {
            context.Error(node.Source, path, $"expected {kind.Expected}, got {node.Describe()}");
            return false;
        }

        if (check?.Invoke(value) is { } problem)
        {
            context.Error(node.Source, path, problem);
            return false;
        }

        return true;
    }
}
