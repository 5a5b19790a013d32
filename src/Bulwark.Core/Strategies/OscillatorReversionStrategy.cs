using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// What the oscillator reversions share (rsi-reversion, stochastic-reversion) beyond <see cref="ReversionStrategy"/>'s
/// rules: options checked at construction, and a value from 0 to 100 read against their levels.
/// </summary>
public abstract class OscillatorReversionStrategy : ReversionStrategy
{
    private readonly OscillatorLevels _levels;

    /// <param name="name">The strategy's name in the message of bad options ("rsi-reversion").</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> have problems.</exception>
    protected OscillatorReversionStrategy(string name, string source, IEnumerable<string> symbols, OscillatorReversionOptions options)
        : base(source, symbols, options.AllowShort, options.TrendPeriod, options.TrendAverage)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException($"{name} options: {string.Join("; ", problems)}", nameof(options));
        _levels = options.Levels;
    }

    /// <summary>Acts on the oscillator's <paramref name="value"/> after the bar, read against the levels.</summary>
    protected void Act(in Bar bar, IStrategyContext context, ReversionSymbolState state, decimal value) =>
        Act(in bar, context, state, Read(value));

    /// <summary>The oscillator's <paramref name="value"/> read against the levels.</summary>
    protected ReversionReading Read(decimal value) => _levels.Read(value);
}
