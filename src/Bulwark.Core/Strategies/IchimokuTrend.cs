using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The direction <see cref="IchimokuStrategy"/> trades: up once a close is above the <see cref="Ichimoku"/> cloud at its
/// bar (both spans), down once a close is below it, and while a close is inside the cloud, or on its edge, the direction
/// it had. With <see cref="IchimokuOptions.ConfirmLines"/> a close beyond the cloud sets the direction only while the
/// conversion line is on the same side of the base line, and with <see cref="IchimokuOptions.ConfirmLagging"/> only
/// while the close is beyond the close <see cref="IchimokuOptions.Displacement"/> bars before; otherwise the direction
/// stays. Ready once the cloud is and a close has first set a direction, the one it starts with. Its one output is the
/// direction, 1 up and -1 down.
/// </summary>
public sealed class IchimokuTrend : ITrendLine
{
    private readonly Ichimoku _ichimoku;
    private readonly RateOfChange _lag;
    private readonly bool _confirmLines;
    private readonly bool _confirmLagging;
    private int _direction;

    /// <exception cref="ArgumentException"><paramref name="options"/> are not valid.</exception>
    public IchimokuTrend(IchimokuOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException($"ichimoku options: {string.Join("; ", problems)}", nameof(options));
        _ichimoku = new Ichimoku(options.ConversionPeriod, options.BasePeriod, options.SpanBPeriod, options.Displacement);
        _lag = new RateOfChange(options.Displacement);
        (_confirmLines, _confirmLagging) = (options.ConfirmLines, options.ConfirmLagging);
    }

    /// <summary>The cloud and the lines after the latest bar.</summary>
    public Ichimoku Ichimoku => _ichimoku;

    public bool IsReady => _direction != 0;

    public bool IsUp => _direction > 0;

    public int OutputCount => 1;

    public decimal GetOutput(int index) =>
        index == 0 ? _direction : throw new ArgumentOutOfRangeException(nameof(index), index, "The Ichimoku trend has one output: the direction.");

    public void Update(in Bar bar)
    {
        _ichimoku.Update(in bar);
        _lag.Update(in bar);
        if (!_ichimoku.IsReady) return;
        var close = bar.Close;
        var lagged = _lag.Past; // known: the cloud's warm-up is longer than the displacement
        var lines = _ichimoku.Conversion.CompareTo(_ichimoku.Base);
        if (close > _ichimoku.CloudTop && (!_confirmLines || lines > 0) && (!_confirmLagging || close > lagged)) _direction = 1;
        else if (close < _ichimoku.CloudBottom && (!_confirmLines || lines < 0) && (!_confirmLagging || close < lagged)) _direction = -1;
    }
}
