using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bulwark.Host.Configuration.Tree;

/// <summary>
/// Remembers the last event read, so that a parser failure that does not carry a position
/// (YamlDotNet throws a bare <see cref="InvalidOperationException"/> on an unclosed <c>[</c> or
/// <c>{</c>) can still be reported near a line.
/// </summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    public ParsingEvent? Current => inner.Current;

    /// <summary>The line where the last successfully read event ended, 1-based; null before any.</summary>
    public int? LastLine { get; private set; }

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (moved && inner.Current is { } current)
            LastLine = (int)current.End.Line;
        return moved;
    }
}
