using System.Text;

namespace Bulwark.Host.Configuration;

/// <summary>Prints lists inside record <c>ToString()</c> as <c>[ a, b ]</c> instead of the list's type name.</summary>
internal static class ListPrinter
{
    public static StringBuilder AppendList<T>(this StringBuilder builder, string name, IReadOnlyCollection<T> items) =>
        items.Count == 0
            ? builder.Append(name).Append(" = []")
            : builder.Append(name).Append(" = [ ").AppendJoin(", ", items).Append(" ]");
}
