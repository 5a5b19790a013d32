namespace Bulwark.Core.Indicators;

/// <summary>
/// The highest (or lowest) of the last <c>period</c> inputs, kept as a monotonic queue in two ring arrays: each
/// input enters once and leaves once, so an update costs O(1) amortised (one update can drop up to the whole
/// queue, after as many cheap ones) and allocates nothing after construction. A mutable struct held in a field
/// of its owner.
/// </summary>
internal struct RollingExtreme
{
    private readonly decimal[] _values;
    private readonly long[] _stamps;
    private readonly bool _highest;
    private int _head;
    private int _count;
    private long _seen;

    public RollingExtreme(int period, bool highest)
    {
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be at least 1.");
        _values = new decimal[period];
        _stamps = new long[period];
        _highest = highest;
    }

    /// <summary>True once <c>period</c> inputs have been seen.</summary>
    public readonly bool IsReady => _seen >= _values.Length;

    /// <summary>The extreme of the inputs in the window (of those seen so far while warming up); 0 before any.</summary>
    public readonly decimal Value => _count == 0 ? 0m : _values[_head];

    /// <summary>
    /// How many inputs ago <see cref="Value"/> came: 0 for the latest, the most recent of equal extremes (an input
    /// that ties the extreme replaces it); 0 before any.
    /// </summary>
    public readonly long Age => _count == 0 ? 0 : _seen - 1 - _stamps[_head];

    public void Add(decimal input)
    {
        var period = _values.Length;
        // The oldest leaves the window as this one enters.
        if (_count > 0 && _stamps[_head] <= _seen - period)
        {
            _head = _head + 1 == period ? 0 : _head + 1;
            _count--;
        }
        // Inputs this one beats (or ties, being newer) can never be the extreme again.
        while (_count > 0)
        {
            var back = _head + _count - 1;
            if (back >= period) back -= period;
            if (_highest ? _values[back] > input : _values[back] < input) break;
            _count--;
        }
        var slot = _head + _count;
        if (slot >= period) slot -= period;
        _values[slot] = input;
        _stamps[slot] = _seen;
        _count++;
        _seen++;
    }
}
